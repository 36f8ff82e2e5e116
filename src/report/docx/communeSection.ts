// One commune of the Word report: each visit (date, authors, review state, GPS point, people met,
// observations), the achievements table with its total, then the photos chosen for the report, two
// per row with their numbered captions underneath.
import { AlignmentType, Paragraph, type Table, TextRun } from 'docx';
import type { MissionBundle } from '../bundle';
import { reportLabels as L } from '../labels';
import type { ReportCommune, ReportPhoto, ReportVisit } from '../model';
import { loadPhoto } from '../photos';
import type { Progress } from '../progress';
import { achievementsTable } from '../tables';
import { heading, inline, labelled, layoutGrid, PAGE_WIDTH_PX, spacer, table, textBlock } from './common';
import type { DocxPictures } from './media';

/** Two photos side by side, a little space between them; 4:3 pictures keep their proportions. */
const PHOTO_MAX_WIDTH_PX = Math.floor(PAGE_WIDTH_PX / 2) - 16;
const PHOTO_MAX_HEIGHT_PX = 250;
const NOT_VALIDATED_RED = 'B3261E';

function caption(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 120 },
    children: [new TextRun({ text, italics: true, size: 18 })],
  });
}

function visitBlock(visit: ReportVisit): Paragraph[] {
  return [
    inline(L.visitDate, visit.date),
    ...(visit.authors ? [inline(L.authors, visit.authors)] : []),
    new Paragraph({
      spacing: { after: 60 },
      children: [
        new TextRun({
          text: visit.review.text,
          bold: true,
          color: visit.review.validated ? '1F6F43' : NOT_VALIDATED_RED,
        }),
      ],
    }),
    ...(visit.gps ? [inline(L.gps, visit.gps)] : []),
    ...labelled(L.peopleMet, visit.peopleMet),
    ...labelled(L.observations, visit.observations),
  ];
}

async function photoCell(bundle: MissionBundle, item: ReportPhoto, pictures: DocxPictures): Promise<Paragraph[]> {
  const photo = await loadPhoto(bundle, item, { maxWidth: PHOTO_MAX_WIDTH_PX, maxHeight: PHOTO_MAX_HEIGHT_PX });
  if ('missing' in photo) return [caption(photo.missing)];
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        pictures.run({
          ...photo,
          altText: { name: `photo-${item.number}`, description: item.caption, title: item.caption },
        }),
      ],
    }),
    caption(item.caption),
  ];
}

export async function communeSection(
  section: ReportCommune,
  bundle: MissionBundle,
  progress: Progress,
  pictures: DocxPictures,
  withPhotos = true,
): Promise<(Paragraph | Table)[]> {
  const out: (Paragraph | Table)[] = [heading(section.heading, 2)];
  if (section.visits.length === 0) out.push(...textBlock(L.noNote));
  for (const visit of section.visits) out.push(...visitBlock(visit));
  out.push(heading(L.achievements, 3));
  if (section.achievements.length === 0) out.push(...textBlock(L.noAchievement));
  else out.push(table(achievementsTable(section)), spacer());
  for (const visit of section.visits) {
    out.push(...labelled(L.difficulties, visit.difficulties), ...labelled(L.recommendations, visit.recommendations));
  }
  if (!withPhotos || section.photos.length === 0) return out;
  out.push(heading(L.photos, 3));
  const rows: Paragraph[][][] = [];
  for (let i = 0; i < section.photos.length; i += 2) {
    const row: Paragraph[][] = [];
    for (const item of section.photos.slice(i, i + 2)) {
      row.push(await photoCell(bundle, item, pictures));
      await progress.step();
    }
    rows.push(row);
  }
  out.push(layoutGrid(rows, 2));
  return out;
}
