// Building blocks of the Word report: headings, paragraphs of free text and bordered tables with a
// repeated header row, so every section looks the same.
import {
  AlignmentType,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
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

/** A bulleted line (a plain indent with a dash: no numbering definitions to carry). */
export function bullet(text: string): Paragraph {
  return new Paragraph({ text: `– ${text}`, indent: { left: 360, hanging: 220 }, spacing: { after: 40 } });
}

/** "Label : value" on one line, the label in bold. */
export function inline(label: string, value: string, color?: string): Paragraph {
  return new Paragraph({
    spacing: { after: 60 },
    children: [new TextRun({ text: `${label} : `, bold: true }), new TextRun({ text: value, color })],
  });
}

/**
 * A grid without borders (photos side by side, signatures): cells of paragraphs, rows that never
 * split across pages.
 */
export function layoutGrid(rows: Paragraph[][][], columns: number): Table {
  const width = Math.floor(PAGE_WIDTH_TWIPS / columns);
  return new Table({
    width: { size: PAGE_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => width),
    borders: TableBorders.NONE,
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: Array.from(
            { length: columns },
            (_, i) =>
              new TableCell({
                width: { size: width, type: WidthType.DXA },
                children: cells[i] ?? [new Paragraph('')],
                margins: { top: 60, bottom: 60, left: 60, right: 60 },
              }),
          ),
        }),
    ),
  });
}
