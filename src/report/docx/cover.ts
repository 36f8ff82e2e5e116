// The first page of the Word report: what mission, which project, when and where.
import { AlignmentType, PageBreak, Paragraph, TextRun } from 'docx';
import { reportLabels as L } from '../labels';
import type { ReportModel } from '../model';

export function coverSection(cover: ReportModel['cover']): Paragraph[] {
  const line = (label: string, value: string) =>
    new Paragraph({
      spacing: { after: 120 },
      children: [new TextRun({ text: `${label} : `, bold: true }), new TextRun(value)],
    });
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 2400, after: 600 },
      children: [new TextRun({ text: L.documentTitle.toUpperCase(), bold: true, size: 40, color: '1F6F43' })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 1200 },
      children: [new TextRun({ text: cover.missionTitle, bold: true, size: 32 })],
    }),
    line(L.project, cover.project || L.empty),
    line(L.mission, cover.missionTitle),
    line(L.period, cover.period),
    line(L.places, cover.places.join(' ; ') || L.empty),
    new Paragraph({
      spacing: { before: 1200 },
      children: [new TextRun({ text: cover.generatedOn, italics: true, size: 18 })],
    }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}
