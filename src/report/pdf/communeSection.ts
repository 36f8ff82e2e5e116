// One commune of the PDF report: each visit's text, the achievements table with its total, then
// the photos chosen for the report, fitted to the page width, each with its caption underneath.
import type { Content } from 'pdfmake/interfaces';
import type { MissionBundle } from '../bundle';
import { reportLabels as L } from '../labels';
import type { ReportCommune } from '../model';
import { loadPhoto } from '../photos';
import type { Progress } from '../progress';
import { achievementsTable } from '../tables';
import { CONTENT_WIDTH_PT, heading, labelled, table, textBlock } from './common';

const PHOTO_MAX_HEIGHT_PT = 320;
/** A table this short moves to the next page whole, with its heading, rather than split. */
const SHORT_TABLE_ROWS = 12;

/** Base64 without a stack overflow on large photos (String.fromCharCode takes limited arguments). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function communeSection(
  section: ReportCommune,
  bundle: MissionBundle,
  progress: Progress,
): Promise<Content[]> {
  // Headings are kept on the page of what follows them (pdfmake has no "keep with next").
  const out: Content[] = [];
  if (section.visits.length === 0)
    out.push({ stack: [heading(section.heading, 2), ...textBlock(L.noNote)], unbreakable: true });
  section.visits.forEach((visit, i) => {
    const date: Content = { text: [{ text: `${L.visitDate} : `, bold: true }, visit.date], margin: [0, 0, 0, 2] };
    out.push(
      { stack: i === 0 ? [heading(section.heading, 2), date] : [date], unbreakable: true },
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
  for (const [index, item] of section.photos.entries()) {
    // pdfmake sizes are in points (72 to the inch); photo records in pixels: fit in points directly.
    const photo = await loadPhoto(bundle, item, { maxWidth: CONTENT_WIDTH_PT, maxHeight: PHOTO_MAX_HEIGHT_PT });
    const title: Content[] = index === 0 ? [heading(L.photos, 3)] : [];
    const body: Content[] =
      'missing' in photo
        ? [{ text: photo.missing, style: 'caption' }]
        : [
            {
              image: `data:image/${photo.kind === 'jpg' ? 'jpeg' : 'png'};base64,${toBase64(photo.bytes)}`,
              width: photo.width,
              height: photo.height,
              alignment: 'center',
            },
            { text: item.caption, style: 'caption' },
          ];
    out.push({ stack: [...title, ...body], unbreakable: true });
    await progress.step();
  }
  return out;
}
