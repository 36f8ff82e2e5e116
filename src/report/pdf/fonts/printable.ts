// Characters the PDF fonts have no glyph for, printed as one they have, so a pasted text does not
// show empty boxes: Roboto has no U+202F (the narrow no-break space French typography and
// Intl's fr-FR numbers use); U+00A0 keeps it unbreakable, a little wider.
const SUBSTITUTES: Record<string, string> = { '\u202f': '\u00a0' };
const UNPRINTABLE = new RegExp(`[${Object.keys(SUBSTITUTES).join('')}]`, 'g');

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * The document definition with every string's unprintable characters replaced: texts, table
 * cells, SVG figures (their labels use the same fonts), and what the header and footer functions
 * return. Images as bytes (typed arrays) are left untouched; data URLs never hold these characters.
 */
export function withPrintableText<T>(value: T): T {
  if (typeof value === 'string') return value.replace(UNPRINTABLE, (c) => SUBSTITUTES[c]) as T;
  if (Array.isArray(value)) return value.map(withPrintableText) as T;
  if (typeof value === 'function')
    return ((...args: unknown[]) => withPrintableText((value as (...a: unknown[]) => unknown)(...args))) as T;
  if (isPlainObject(value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withPrintableText(item)])) as T;
  return value;
}
