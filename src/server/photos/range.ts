// The one `Range` a device sends to resume a cut photo download: `bytes=N-` (or `bytes=N-M`).
// Photos are immutable and named by their hash, so a range asked for is always of the same bytes
// (no If-Range needed). Anything else (several ranges, a suffix, another unit) is ignored and the
// whole photo is sent, as HTTP allows.

export type ByteRange = { start: number; end: number };

/**
 * The range to send of a photo of `size` bytes: null to send it whole, 'unsatisfiable' when the
 * range starts at or past its end (416).
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  const match = /^bytes=(\d{1,16})-(\d{0,16})$/.exec(header?.trim() ?? '');
  if (!match) return null;
  const start = Number(match[1]);
  const last = match[2] === '' ? Number.POSITIVE_INFINITY : Number(match[2]);
  if (last < start) return null; // not a range at all
  if (start >= size) return 'unsatisfiable';
  return { start, end: Math.min(last, size - 1) };
}
