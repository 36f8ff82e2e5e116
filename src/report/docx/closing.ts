// The parts the user writes or chooses in the report settings: synthèse, conclusion, signatures
// and the list of annexes. Each is left out when it has nothing to say.
import { AlignmentType, Paragraph, type Table, TextRun } from 'docx';
import { reportLabels as L } from '../labels';
import type { ReportModel } from '../model';
import { bullet, heading, layoutGrid, textBlock } from './common';

export function freeTextSection(title: string, text: string): Paragraph[] {
  return text ? [heading(title, 1), ...textBlock(text)] : [];
}

export function signaturesSection(signatures: ReportModel['signatures']): (Paragraph | Table)[] {
  const { placeAndDay, signatories } = signatures;
  if (!placeAndDay && signatories.length === 0) return [];
  const out: (Paragraph | Table)[] = [heading(L.signaturesTitle, 1)];
  if (placeAndDay)
    out.push(
      new Paragraph({ text: placeAndDay, alignment: AlignmentType.RIGHT, spacing: { after: 240 }, keepNext: true }),
    );
  const columns = Math.min(Math.max(signatories.length, 1), 3);
  const cells = signatories.map((s) => [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: s.function, bold: true })] }),
    new Paragraph({ text: '', spacing: { before: 900 } }),
    new Paragraph({ alignment: AlignmentType.CENTER, text: s.name }),
  ]);
  const rows: Paragraph[][][] = [];
  for (let i = 0; i < cells.length; i += columns) rows.push(cells.slice(i, i + columns));
  if (rows.length) out.push(layoutGrid(rows, columns));
  return out;
}

export function annexesSection(annexes: string[]): Paragraph[] {
  return annexes.length ? [heading(L.annexesTitle, 1), ...annexes.map(bullet)] : [];
}
