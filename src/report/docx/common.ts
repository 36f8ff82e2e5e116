// Building blocks of the Word report: headings, paragraphs of free text and bordered tables with a
// repeated header row, so every section looks the same.
import {
  AlignmentType,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { reportLabels as L } from '../labels';
import { paragraphsOf } from '../model';
import type { TableSpec } from '../tables';

/** Usable width of an A4 page with 2 cm margins, in twips. */
export const PAGE_WIDTH_TWIPS = 11906 - 2 * 1134;
/** The same width in CSS pixels (96 to the inch): photos are fitted into it. */
export const PAGE_WIDTH_PX = Math.floor((PAGE_WIDTH_TWIPS / 1440) * 96);

const HEADER_FILL = 'DCEBE2';

export function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const levels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 };
  return new Paragraph({ text, heading: levels[level], keepNext: true });
}

/** Free text as paragraphs; an empty text prints a dash so the reader sees it was left empty. */
export function textBlock(text: string): Paragraph[] {
  const lines = paragraphsOf(text);
  return (lines.length ? lines : [L.empty]).map((line) => new Paragraph({ text: line, spacing: { after: 80 } }));
}

/** A bold label followed by its free text. */
export function labelled(label: string, text: string): Paragraph[] {
  return [new Paragraph({ children: [new TextRun({ text: label, bold: true })], keepNext: true }), ...textBlock(text)];
}

function cell(text: string, options: { bold?: boolean; fill?: string; right?: boolean } = {}): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: options.bold, size: 18 })],
      }),
    ],
    shading: options.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

export function table(spec: TableSpec): Table {
  const sum = spec.widths.reduce((a, b) => a + b, 0);
  const columnWidths = spec.widths.map((w) => Math.floor((w / sum) * PAGE_WIDTH_TWIPS));
  const right = new Set(spec.rightColumns ?? []);
  const row = (values: readonly string[], style: { bold?: boolean; fill?: string }, header = false) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: values.map((v, i) => cell(v, { ...style, right: !header && right.has(i) })),
    });
  return new Table({
    width: { size: PAGE_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths,
    rows: [
      row(spec.header, { bold: true, fill: HEADER_FILL }, true),
      ...spec.rows.map((r) => row(r, {})),
      ...(spec.footer ? [row(spec.footer, { bold: true, fill: 'F2F2F2' })] : []),
    ],
  });
}

export function spacer(): Paragraph {
  return new Paragraph({ text: '', spacing: { after: 120 } });
}
