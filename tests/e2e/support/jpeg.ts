// Test photos: real JPEGs drawn by Chromium (OffscreenCanvas, photo-like content with fine
// texture so sizes are realistic), and an EXIF block (orientation, date taken, GPS) spliced in the
// way a phone camera writes it, so tests can check rotation and metadata without binary fixtures.
import type { Page } from 'playwright-core';

export interface TestFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Draws `count` distinct width x height JPEGs in the page and returns their bytes. */
export async function drawJpegs(
  page: Page,
  width: number,
  height: number,
  count = 1,
  quality = 0.92,
): Promise<Buffer[]> {
  // Run through tsx (npm run bench), esbuild wraps named functions in __name(), unknown to the page.
  await page.evaluate('globalThis.__name ??= (f) => f');
  const encoded = await page.evaluate(
    async ({ width, height, count, quality }) => {
      const out: string[] = [];
      for (let n = 0; n < count; n++) {
        let seed = 12345 + n * 7919;
        const random = () => {
          seed = (seed * 1103515245 + 12345) & 0x7fffffff;
          return seed / 0x7fffffff;
        };
        const canvas = new OffscreenCanvas(width, height);
        const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
        const sky = ctx.createLinearGradient(0, 0, 0, height);
        sky.addColorStop(0, `hsl(${200 + n * 15}, 60%, 70%)`);
        sky.addColorStop(0.55, '#e8d9b0');
        sky.addColorStop(1, '#8a6a3c');
        ctx.fillStyle = sky;
        ctx.fillRect(0, 0, width, height);
        for (let i = 0; i < 400; i++) {
          ctx.fillStyle = `hsla(${Math.floor(random() * 360)}, 45%, ${30 + random() * 40}%, 0.6)`;
          ctx.beginPath();
          ctx.arc(random() * width, height * (0.4 + random() * 0.6), 5 + random() * width * 0.03, 0, Math.PI * 2);
          ctx.fill();
        }
        // Fine grain, like a phone sensor's noise: what makes real photos weigh what they weigh.
        const tile = new ImageData(256, 256);
        for (let i = 0; i < tile.data.length; i += 4) {
          const v = Math.floor(random() * 255);
          tile.data.set([v, v, v, 255], i);
        }
        const grain = new OffscreenCanvas(256, 256);
        (grain.getContext('2d') as OffscreenCanvasRenderingContext2D).putImageData(tile, 0, 0);
        ctx.globalAlpha = 0.12;
        ctx.fillStyle = ctx.createPattern(grain, 'repeat') as CanvasPattern;
        ctx.fillRect(0, 0, width, height);
        ctx.globalAlpha = 1;
        ctx.fillStyle = '#000';
        ctx.font = `${Math.floor(height / 10)}px sans-serif`;
        ctx.fillText(`Photo ${n + 1}`, width * 0.05, height * 0.15);
        const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        out.push(btoa(binary));
      }
      return out;
    },
    { width, height, count, quality },
  );
  return encoded.map((b64) => Buffer.from(b64, 'base64'));
}

export interface ExifFacts {
  /** EXIF orientation: 6 means "rotate 90° clockwise to view", as a phone held upright writes. */
  orientation?: number;
  /** "2024:07:23 10:15:00", as cameras write it (local time). */
  dateTimeOriginal?: string;
  gps?: { lat: number; lon: number };
}

type Entry = { tag: number; type: 2 | 3 | 4 | 5; data: Buffer; count: number };

const ascii = (tag: number, text: string): Entry => ({
  tag,
  type: 2,
  data: Buffer.from(`${text}\0`, 'latin1'),
  count: text.length + 1,
});
const short = (tag: number, value: number): Entry => {
  const data = Buffer.alloc(2);
  data.writeUInt16LE(value);
  return { tag, type: 3, data, count: 1 };
};
const long = (tag: number, value: number): Entry => {
  const data = Buffer.alloc(4);
  data.writeUInt32LE(value);
  return { tag, type: 4, data, count: 1 };
};
const rationals = (tag: number, pairs: [number, number][]): Entry => {
  const data = Buffer.alloc(pairs.length * 8);
  pairs.forEach(([num, den], i) => {
    data.writeUInt32LE(num, i * 8);
    data.writeUInt32LE(den, i * 8 + 4);
  });
  return { tag, type: 5, data, count: pairs.length };
};

/** Size of an IFD with its out-of-line values. */
const ifdSize = (entries: Entry[]) =>
  2 +
  entries.length * 12 +
  4 +
  entries.reduce((sum, e) => sum + (e.data.length > 4 ? e.data.length + (e.data.length % 2) : 0), 0);

function writeIfd(entries: Entry[], offset: number): Buffer {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  const out = Buffer.alloc(ifdSize(sorted));
  out.writeUInt16LE(sorted.length, 0);
  let dataAt = 2 + sorted.length * 12 + 4;
  sorted.forEach((entry, i) => {
    const at = 2 + i * 12;
    out.writeUInt16LE(entry.tag, at);
    out.writeUInt16LE(entry.type, at + 2);
    out.writeUInt32LE(entry.count, at + 4);
    if (entry.data.length <= 4) entry.data.copy(out, at + 8);
    else {
      out.writeUInt32LE(offset + dataAt, at + 8);
      entry.data.copy(out, dataAt);
      dataAt += entry.data.length + (entry.data.length % 2);
    }
  });
  return out;
}

const dms = (value: number): [number, number][] => {
  const abs = Math.abs(value);
  const degrees = Math.floor(abs);
  const minutes = Math.floor((abs - degrees) * 60);
  const seconds = Math.round(((abs - degrees) * 60 - minutes) * 60 * 10_000);
  return [
    [degrees, 1],
    [minutes, 1],
    [seconds, 10_000],
  ];
};

/** The TIFF structure of an EXIF block (little-endian). */
export function exifTiff(facts: ExifFacts): Buffer {
  const exif = facts.dateTimeOriginal ? [ascii(0x9003, facts.dateTimeOriginal)] : [];
  const gps = facts.gps
    ? [
        ascii(0x0001, facts.gps.lat >= 0 ? 'N' : 'S'),
        rationals(0x0002, dms(facts.gps.lat)),
        ascii(0x0003, facts.gps.lon >= 0 ? 'E' : 'W'),
        rationals(0x0004, dms(facts.gps.lon)),
      ]
    : [];
  const ifd0 = [
    ...(facts.orientation ? [short(0x0112, facts.orientation)] : []),
    ...(exif.length ? [long(0x8769, 0)] : []),
    ...(gps.length ? [long(0x8825, 0)] : []),
  ];
  const ifd0At = 8;
  const exifAt = ifd0At + ifdSize(ifd0);
  const gpsAt = exifAt + (exif.length ? ifdSize(exif) : 0);
  for (const entry of ifd0) {
    if (entry.tag === 0x8769) entry.data.writeUInt32LE(exifAt);
    if (entry.tag === 0x8825) entry.data.writeUInt32LE(gpsAt);
  }
  const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, ifd0At, 0, 0, 0]);
  return Buffer.concat([
    header,
    writeIfd(ifd0, ifd0At),
    ...(exif.length ? [writeIfd(exif, exifAt)] : []),
    ...(gps.length ? [writeIfd(gps, gpsAt)] : []),
  ]);
}

/** The JPEG with an EXIF APP1 segment right after its start marker, as cameras write it. */
export function withExif(jpeg: Buffer, facts: ExifFacts): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff(facts)]);
  const marker = Buffer.alloc(4);
  marker.writeUInt16BE(0xffe1, 0);
  marker.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), marker, payload, jpeg.subarray(2)]);
}

/** A file that starts like a JPEG and then is garbage: what a card error or a cut download leaves. */
export function corruptJpeg(validJpeg: Buffer): Buffer {
  const garbage = Buffer.alloc(20_000);
  for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 251;
  return Buffer.concat([validJpeg.subarray(0, 20), garbage]);
}
