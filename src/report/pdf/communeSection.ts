// One commune of the PDF report: each visit (date, authors, review state, GPS point, people met,
// observations), the achievements table with its total, then the photos chosen for the report, two
// per row, each with its numbered caption underneath.
import type { Column, Content } from 'pdfmake/interfaces';
import type { MissionBundle } from '../bundle';
import { reportLabels as L } from '../labels';
import type { ReportCommune, ReportPhoto, ReportVisit } from '../model';
import { loadPhoto } from '../photos';
import type { Progress } from '../progress';
import { achievementsTable } from '../tables';
import { CONTENT_WIDTH_PT, heading, inline, labelled, table, textBlock, toBase64 } from './common';

const PHOTO_GAP_PT = 12;
const PHOTO_MAX_WIDTH_PT = (CONTENT_WIDTH_PT - PHOTO_GAP_PT) / 2;
const PHOTO_MAX_HEIGHT_PT = 190;
/** A table this short moves to the next page whole, with its heading, rather than split. */
const SHORT_TABLE_ROWS = 12;

function visitBlock(visit: ReportVisit): Content[] {
  return [
    inline(L.visitDate, visit.date),
    ...(visit.authors ? [inline(L.authors, visit.authors)] : []),
    {
      text: visit.review.text,
      bold: true,
      color: visit.review.validated ? '#1f6f43' : '#b3261e',
      margin: [0, 0, 0, 2],
    },
    ...(visit.gps ? [inline(L.gps, visit.gps)] : []),
  ];
}

async function photoCell(bundle: MissionBundle, item: ReportPhoto): Promise<Column> {
  // pdfmake sizes are in points (72 to the inch); photo records in pixels: fit in points directly.
  const photo = await loadPhoto(bundle, item, { maxWidth: PHOTO_MAX_WIDTH_PT, maxHeight: PHOTO_MAX_HEIGHT_PT });
  if ('missing' in photo) return { text: photo.missing, style: 'caption', width: '*' };
  return {
    width: '*',
    stack: [
      {
        image: `data:image/${photo.kind === 'jpg' ? 'jpeg' : 'png'};base64,${toBase64(photo.bytes)}`,
        width: photo.width,
        height: photo.height,
        alignment: 'center',
      },
      { text: item.caption, style: 'caption' },
    ],
  };
}

export async function communeSection(
  section: ReportCommune,
  bundle: MissionBundle,
  progress: Progress,
  withPhotos = true,
): Promise<Content[]> {
  // Headings are kept on the page of what follows them (pdfmake has no "keep with next").
  const out: Content[] = [];
  if (section.visits.length === 0)
    out.push({ stack: [heading(section.heading, 2), ...textBlock(L.noNote)], unbreakable: true });
  section.visits.forEach((visit, i) => {
    out.push(
      { stack: i === 0 ? [heading(section.heading, 2), ...visitBlock(visit)] : visitBlock(visit), unbreakable: true },
      ...labelled(L.peopleMet, visit.peopleMet),
      ...labelled(L.observations, visit.observations),
    );
  });
  if (section.achievements.length === 0) {
    out.push({ stack: [heading(L.achievements, 3), ...textBlock(L.noAchievement)], unbreakable: true });
  } else {
    const achievements = table(achievementsTable(section));
    const short = section.achievements.length <= SHORT_TABLE_ROWS;
    out.push({ stack: [heading(L.achievements, 3), achievements], unbreakable: short });
  }
  for (const visit of section.visits) {
    out.push(...labelled(L.difficulties, visit.difficulties), ...labelled(L.recommendations, visit.recommendations));
  }
  if (!withPhotos) return out;
  for (let i = 0; i < section.photos.length; i += 2) {
    const cells: Column[] = [];
    for (const item of section.photos.slice(i, i + 2)) {
      cells.push(await photoCell(bundle, item));
      await progress.step();
    }
    if (cells.length === 1) cells.push({ text: '', width: '*' });
    const row: Content = { columns: cells, columnGap: PHOTO_GAP_PT };
    out.push({ stack: i === 0 ? [heading(L.photos, 3), row] : [row], unbreakable: true });
  }
  return out;
}
