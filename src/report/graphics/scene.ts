// A drawing as a short list of shapes (paths, rectangles, circles, lines, text), written once by the
// chart and the map and then rendered two ways: as SVG (the app's screens, the PDF, which embeds SVG
// natively) and onto a 2D canvas (a PNG for Word, drawn in the report worker with OffscreenCanvas).
// Enough for two figures, without a chart library.

export type Point = readonly [number, number];

export type Shape =
  | {
      kind: 'path';
      rings: readonly (readonly Point[])[];
      fill?: string;
      stroke?: string;
      width?: number;
      /** Lines, not shapes: each ring is left open (borders between régions). */
      open?: boolean;
      dash?: number;
    }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string }
  | { kind: 'circle'; x: number; y: number; r: number; fill: string; stroke?: string; width?: number }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number; dash?: number }
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      fill: string;
      anchor?: 'start' | 'middle' | 'end';
      bold?: boolean;
    };

export interface Scene {
  width: number;
  height: number;
  /** What the figure shows, for screen readers and the documents' alternative text. */
  title: string;
  shapes: Shape[];
}

export const FONT_FAMILY = 'Roboto, Helvetica, Arial, sans-serif';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number) => (Math.round(v * 10) / 10).toString();

function ringsPath(rings: readonly (readonly Point[])[], open = false): string {
  return rings.map((ring) => `M${ring.map(([x, y]) => `${n(x)} ${n(y)}`).join('L')}${open ? '' : 'Z'}`).join('');
}

function shapeSvg(s: Shape): string {
  switch (s.kind) {
    case 'path':
      return `<path d="${ringsPath(s.rings, s.open)}" fill="${s.fill ?? 'none'}"${
        s.stroke ? ` stroke="${s.stroke}" stroke-width="${s.width ?? 1}" stroke-linejoin="round"` : ''
      }${s.dash ? ` stroke-dasharray="${s.dash} ${s.dash}"` : ''}/>`;
    case 'rect':
      return `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.w)}" height="${n(s.h)}" fill="${s.fill}"/>`;
    case 'circle':
      return `<circle cx="${n(s.x)}" cy="${n(s.y)}" r="${n(s.r)}" fill="${s.fill}"${
        s.stroke ? ` stroke="${s.stroke}" stroke-width="${s.width ?? 1}"` : ''
      }/>`;
    case 'line':
      return `<line x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}" stroke="${s.stroke}" stroke-width="${
        s.width
      }"${s.dash ? ` stroke-dasharray="${s.dash} ${s.dash}"` : ''}/>`;
    case 'text':
      return `<text x="${n(s.x)}" y="${n(s.y)}" font-size="${s.size}" fill="${s.fill}" text-anchor="${
        s.anchor ?? 'start'
      }"${s.bold ? ' font-weight="bold"' : ''}>${escapeXml(s.text)}</text>`;
  }
}

export function sceneToSvg(scene: Scene): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.width}" height="${scene.height}" viewBox="0 0 ${scene.width} ${scene.height}" font-family="${FONT_FAMILY}">`,
    `<title>${escapeXml(scene.title)}</title>`,
    `<rect width="${scene.width}" height="${scene.height}" fill="#ffffff"/>`,
    ...scene.shapes.map(shapeSvg),
    '</svg>',
  ].join('');
}

/** The 2D canvas calls the scene needs (OffscreenCanvas, HTMLCanvasElement or a Node canvas). */
export interface Canvas2D {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  lineJoin: string;
  font: string;
  textAlign: string;
  textBaseline: string;
  setLineDash(segments: number[]): void;
  scale(x: number, y: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  fill(rule?: 'nonzero' | 'evenodd'): void;
  stroke(): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
}

export function drawScene(ctx: Canvas2D, scene: Scene, scale: number): void {
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, scene.width, scene.height);
  ctx.lineJoin = 'round';
  ctx.textBaseline = 'alphabetic';
  for (const s of scene.shapes) {
    ctx.setLineDash([]);
    switch (s.kind) {
      case 'path':
        ctx.beginPath();
        for (const ring of s.rings) {
          ring.forEach(([x, y], i) => {
            if (i) ctx.lineTo(x, y);
            else ctx.moveTo(x, y);
          });
          if (!s.open) ctx.closePath();
        }
        if (s.dash) ctx.setLineDash([s.dash, s.dash]);
        if (s.fill) {
          ctx.fillStyle = s.fill;
          ctx.fill('evenodd');
        }
        if (s.stroke) {
          ctx.strokeStyle = s.stroke;
          ctx.lineWidth = s.width ?? 1;
          ctx.stroke();
        }
        break;
      case 'rect':
        ctx.fillStyle = s.fill;
        ctx.fillRect(s.x, s.y, s.w, s.h);
        break;
      case 'circle':
        ctx.beginPath();
        ctx.arc(s.x, s.y, s.r, 0, Math.PI * 2);
        ctx.fillStyle = s.fill;
        ctx.fill();
        if (s.stroke) {
          ctx.strokeStyle = s.stroke;
          ctx.lineWidth = s.width ?? 1;
          ctx.stroke();
        }
        break;
      case 'line':
        ctx.beginPath();
        ctx.moveTo(s.x1, s.y1);
        ctx.lineTo(s.x2, s.y2);
        ctx.strokeStyle = s.stroke;
        ctx.lineWidth = s.width;
        if (s.dash) ctx.setLineDash([s.dash, s.dash]);
        ctx.stroke();
        break;
      case 'text':
        ctx.font = `${s.bold ? 'bold ' : ''}${s.size}px ${FONT_FAMILY}`;
        ctx.textAlign = s.anchor === 'middle' ? 'center' : s.anchor === 'end' ? 'right' : 'left';
        ctx.fillStyle = s.fill;
        ctx.fillText(s.text, s.x, s.y);
        break;
    }
  }
}
