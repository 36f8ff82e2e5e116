// Size arithmetic for resizing photos, kept apart from the worker so it is tested in Node.

/** The size that fits `longSidePx` on the long side, keeping the ratio; never enlarges. */
export function fitWithin(width: number, height: number, longSidePx: number): { width: number; height: number } {
  const long = Math.max(width, height);
  if (long <= longSidePx) return { width, height };
  const scale = longSidePx / long;
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}
