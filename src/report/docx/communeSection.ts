// One commune of the Word report: each visit's text, the achievements table with its total, then
// the photos chosen for the report, each fitted to the page width with its caption underneath.
import { AlignmentType, ImageRun, Paragraph, type Table, TextRun } from 'docx';
import type { MissionBundle } from '../bundle';
import { reportLabels as L } from '../labels';
import type { ReportCommune } from '../model';
import { loadPhoto } from '../photos';
import type { Progress } from '../progress';
import { achievementsTable } from '../tables';
import { heading, labelled, PAGE_WIDTH_PX, spacer, table, textBlock } from './common';

const PHOTO_MAX_HEIGHT_PX = 420;

function caption(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [new TextRun({ text, italics: true, size: 18 })],
  });
}

export async function communeSection(
  section: ReportCommune,
  bundle: MissionBundle,
  progress: Progress,
): Promise<(Paragraph | Table)[]> {
  const out: (Paragraph | Table)[] = [heading(section.heading, 2)];
  if (section.visits.length === 0) out.push(...textBlock(L.noNote));
  for (const visit of section.visits) {
    out.push(
      new Paragraph({ children: [new TextRun({ text: `${L.visitDate} : `, bold: true }), new TextRun(visit.date)] }),
      ...labelled(L.peopleMet, visit.peopleMet),
      ...labelled(L.observations, visit.observations),
    );
  }
  out.push(heading(L.achievements, 3));
  if (section.achievements.length === 0) out.push(...textBlock(L.noAchievement));
  else out.push(table(achievementsTable(section)), spacer());
  for (const visit of section.visits) {
    out.push(...labelled(L.difficulties, visit.difficulties), ...labelled(L.recommendations, visit.recommendations));
  }
  if (section.photos.length) out.push(heading(L.photos, 3));
  for (const item of section.photos) {
    const photo = await loadPhoto(bundle, item, { maxWidth: PAGE_WIDTH_PX, maxHeight: PHOTO_MAX_HEIGHT_PX });
    if ('missing' in photo) out.push(caption(photo.missing));
    else
      out.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          children: [
            new ImageRun({
              type: photo.kind,
              data: photo.bytes,
              transformation: { width: photo.width, height: photo.height },
              altText: { name: `photo-${item.number}`, description: item.caption, title: item.caption },
            }),
          ],
        }),
        caption(item.caption),
      );
    await progress.step();
  }
  return out;
}
