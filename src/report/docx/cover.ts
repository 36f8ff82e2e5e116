// The first page of the Word report: the logos and letterhead, then what mission, which project,
// when and where.
import { AlignmentType, PageBreak, Paragraph, TextRun } from 'docx';
import { reportLabels as L } from '../labels';
import type { ReportModel } from '../model';
import type { LoadedPhoto } from '../photos';
import type { DocxPictures } from './media';

export function coverSection(cover: ReportModel['cover'], logos: LoadedPhoto[], pictures: DocxPictures): Paragraph[] {
  const line = (label: string, value: string) =>
    new Paragraph({
      spacing: { after: 120 },
      children: [new TextRun({ text: `${label} : `, bold: true }), new TextRun(value)],
    });
  const top: Paragraph[] = [];
  if (logos.length)
    top.push(
      new Paragraph({
        alignment: logos.length === 1 ? AlignmentType.CENTER : AlignmentType.DISTRIBUTE,
        spacing: { after: 240 },
        children: logos.flatMap((logo, i) => [
          ...(i ? [new TextRun('    ')] : []),
          pictures.run({ ...logo, altText: { name: `logo-${i + 1}`, description: 'Logo', title: 'Logo' } }),
        ]),
      }),
    );
  top.push(
    ...cover.letterhead.map(
      (text, i) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 40 },
          children: [new TextRun({ text, bold: i === 0, size: i === 0 ? 24 : 20 })],
        }),
    ),
  );
  const space = top.length ? 1200 : 2400;
  return [
    ...top,
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: space, after: 600 },
      children: [new TextRun({ text: L.documentTitle.toUpperCase(), bold: true, size: 40, color: '1F6F43' })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: cover.subtitle ? 200 : 1200 },
      children: [new TextRun({ text: cover.missionTitle, bold: true, size: 32 })],
    }),
    ...(cover.subtitle
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 1000 },
            children: [new TextRun({ text: cover.subtitle, italics: true, size: 24 })],
          }),
        ]
      : []),
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
