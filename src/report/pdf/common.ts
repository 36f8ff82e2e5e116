// Building blocks of the PDF report (pdfmake document definition): styles, free text and tables
// with a repeated header row, in the same look as the Word report.
import type { Content, StyleDictionary, TableCell } from 'pdfmake/interfaces';
import { reportLabels as L } from '../labels';
import { paragraphsOf } from '../model';
import type { TableSpec } from '../tables';

/** A4 is 595 pt wide; with 2 cm margins this is the width left for content. */
export const PAGE_MARGIN_PT = 57;
export const CONTENT_WIDTH_PT = 595 - 2 * PAGE_MARGIN_PT;

const HEADER_FILL = '#dcebe2';

export const styles: StyleDictionary = {
  title: { fontSize: 22, bold: true, color: '#1f6f43', alignment: 'center' },
  subtitle: { fontSize: 16, bold: true, alignment: 'center' },
  h1: { fontSize: 16, bold: true, color: '#1f6f43', margin: [0, 16, 0, 6] },
  h2: { fontSize: 13, bold: true, color: '#1f6f43', margin: [0, 12, 0, 4] },
  h3: { fontSize: 11, bold: true, color: '#333333', margin: [0, 8, 0, 4] },
  label: { bold: true, margin: [0, 4, 0, 1] },
  caption: { italics: true, fontSize: 9, alignment: 'center', margin: [0, 2, 0, 10] },
  cell: { fontSize: 8.5 },
};

export const heading = (text: string, level: 1 | 2 | 3): Content => ({
  text,
  style: `h${level}`,
  headlineLevel: level,
});

export function textBlock(text: string): Content[] {
  const lines = paragraphsOf(text);
  return (lines.length ? lines : [L.empty]).map((line) => ({ text: line, margin: [0, 0, 0, 3] }));
}

export function labelled(label: string, text: string): Content[] {
  return [{ text: label, style: 'label' }, ...textBlock(text)];
}

export function table(spec: TableSpec): Content {
  const right = new Set(spec.rightColumns ?? []);
  const sum = spec.widths.reduce((a, b) => a + b, 0);
  const cells = (values: readonly string[], extra: Partial<TableCell & object> = {}, header = false) =>
    values.map((text, i) => ({
      text,
      style: 'cell',
      alignment: !header && right.has(i) ? 'right' : 'left',
      ...extra,
    })) as TableCell[];
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: spec.widths.map((w) => (w / sum) * (CONTENT_WIDTH_PT - 9 * spec.widths.length)),
      body: [
        cells(spec.header, { bold: true, fillColor: HEADER_FILL }, true),
        ...spec.rows.map((r) => cells(r)),
        ...(spec.footer ? [cells(spec.footer, { bold: true, fillColor: '#f2f2f2' })] : []),
      ],
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => '#888888',
      vLineColor: () => '#888888',
    },
    margin: [0, 2, 0, 8],
  };
}

/** "Label : value" on one line, the label in bold. */
export function inline(label: string, value: string): Content {
  return { text: [{ text: `${label} : `, bold: true }, value], margin: [0, 0, 0, 2] };
}

export function bullets(items: string[]): Content {
  return { ul: items, margin: [0, 0, 0, 4] };
}

const BASE64_CODES = Uint8Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', (c) =>
  c.charCodeAt(0),
);

/**
 * Base64 of an image for pdfmake's data URLs. Written into bytes and decoded once: building the
 * string with String.fromCharCode took 5.5 s of the 9 s a 100-photo PDF took (profiled, `npm run
 * bench`), this takes a few tens of milliseconds. (Uint8Array.toBase64 is not in every browser yet.)
 */
export function toBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  const whole = bytes.length - (bytes.length % 3);
  let o = 0;
  for (let i = 0; i < whole; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out[o++] = BASE64_CODES[n >> 18];
    out[o++] = BASE64_CODES[(n >> 12) & 63];
    out[o++] = BASE64_CODES[(n >> 6) & 63];
    out[o++] = BASE64_CODES[n & 63];
  }
  const rest = bytes.length - whole;
  if (rest) {
    const n = (bytes[whole] << 16) | (rest === 2 ? bytes[whole + 1] << 8 : 0);
    out[o++] = BASE64_CODES[n >> 18];
    out[o++] = BASE64_CODES[(n >> 12) & 63];
    out[o++] = rest === 2 ? BASE64_CODES[(n >> 6) & 63] : 61; // '='
    out[o++] = 61;
  }
  return new TextDecoder().decode(out);
}
