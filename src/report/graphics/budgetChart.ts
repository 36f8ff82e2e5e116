// The chart "budget prévu / dépensé par commune" with each commune's execution rate: two
// horizontal bars per commune on one scale, the rate at the end of the row, the overall rate in
// the legend. A scene (scene.ts), so the app, the PDF and the Word report draw the same figure.
import { formatRate } from '../format';
import type { Scene, Shape } from './scene';

export interface ChartRow {
  label: string;
  plannedFcfa: number;
  spentFcfa: number;
  rate: number | null;
}

export const PLANNED_COLOUR = '#9fcfb2';
export const SPENT_COLOUR = '#1f6f43';
const OVER_COLOUR = '#b3261e';
const TEXT = '#222222';
const MUTED = '#666666';

const RATE_WIDTH = 64;
const ROW_HEIGHT = 30;
const BOTTOM = 28;

/** 2 500 000 -> "2,5 M", 750 000 -> "750 k" (axis labels: short, in FCFA). */
export function compactFcfa(value: number): string {
  if (value >= 1e9) return `${(value / 1e9).toFixed(1).replace('.', ',').replace(',0', '')} Md`;
  if (value >= 1e6) return `${(value / 1e6).toFixed(1).replace('.', ',').replace(',0', '')} M`;
  if (value >= 1e3) return `${Math.round(value / 1e3)} k`;
  return String(value);
}

/** A step of 1, 2 or 5 × 10^n that cuts 0..max into about four parts. */
function niceStep(max: number): number {
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? power * 10;
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function budgetChart(rows: readonly ChartRow[], overallRate: number | null, width = 640): Scene {
  const narrow = width < 480;
  const TOP = narrow ? 60 : 44;
  const height = TOP + Math.max(rows.length, 1) * ROW_HEIGHT + BOTTOM;
  // Names take up to 150 px, less on a phone's screen, where the bars need the room.
  const labelWidth = Math.round(Math.min(150, width * 0.3));
  const barLeft = labelWidth;
  const barWidth = width - labelWidth - RATE_WIDTH - 8;
  const max = Math.max(1, ...rows.flatMap((r) => [r.plannedFcfa, r.spentFcfa]));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const x = (value: number) => barLeft + (value / top) * barWidth;
  const shapes: Shape[] = [
    { kind: 'rect', x: barLeft, y: 10, w: 12, h: 12, fill: PLANNED_COLOUR },
    { kind: 'text', x: barLeft + 18, y: 20, text: 'Budget prévu', size: 12, fill: TEXT },
    { kind: 'rect', x: barLeft + 100, y: 10, w: 12, h: 12, fill: SPENT_COLOUR },
    { kind: 'text', x: barLeft + 118, y: 20, text: 'Dépensé', size: 12, fill: TEXT },
    {
      kind: 'text',
      x: narrow ? barLeft : width - 4,
      // On a narrow chart the overall rate goes under the legend.
      y: narrow ? 38 : 20,
      text: `Taux global : ${formatRate(overallRate)}`,
      size: 12,
      fill: TEXT,
      anchor: narrow ? 'start' : 'end',
      bold: true,
    },
    { kind: 'text', x: width - 4, y: TOP - 6, text: 'Taux', size: 10, fill: MUTED, anchor: 'end' },
  ];
  const bottom = TOP + Math.max(rows.length, 1) * ROW_HEIGHT;
  for (let value = 0; value <= top; value += step) {
    shapes.push(
      { kind: 'line', x1: x(value), y1: TOP - 2, x2: x(value), y2: bottom, stroke: '#dddddd', width: 1 },
      { kind: 'text', x: x(value), y: bottom + 16, text: compactFcfa(value), size: 10, fill: MUTED, anchor: 'middle' },
    );
  }
  shapes.push({ kind: 'text', x: barLeft - 8, y: bottom + 16, text: 'FCFA', size: 10, fill: MUTED, anchor: 'end' });
  rows.forEach((row, i) => {
    const y = TOP + i * ROW_HEIGHT;
    shapes.push(
      {
        kind: 'text',
        x: barLeft - 8,
        y: y + 19,
        text: shorten(row.label, Math.floor((labelWidth - 10) / 7)),
        size: 12,
        fill: TEXT,
        anchor: 'end',
      },
      { kind: 'rect', x: barLeft, y: y + 4, w: x(row.plannedFcfa) - barLeft, h: 11, fill: PLANNED_COLOUR },
      { kind: 'rect', x: barLeft, y: y + 15, w: x(row.spentFcfa) - barLeft, h: 11, fill: SPENT_COLOUR },
      {
        kind: 'text',
        x: width - 4,
        y: y + 19,
        text: formatRate(row.rate),
        size: 12,
        fill: row.rate != null && row.rate > 1 ? OVER_COLOUR : TEXT,
        anchor: 'end',
        bold: true,
      },
    );
  });
  shapes.push({ kind: 'line', x1: barLeft, y1: TOP - 2, x2: barLeft, y2: bottom, stroke: '#888888', width: 1 });
  return {
    width,
    height,
    title: 'Budget prévu et dépensé par commune, avec le taux d’exécution',
    shapes,
  };
}
