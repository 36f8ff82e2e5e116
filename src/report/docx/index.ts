// The mission report as a Word document (.docx), built on the device from the mission's data.
import { Document, Packer, type Paragraph, type Table } from 'docx';
import type { BuildOptions, MissionBundle } from '../bundle';
import { reportLabels as L } from '../labels';
import { buildReportModel } from '../model';
import { startProgress } from '../progress';
import { actionPointsSection } from './actionPoints';
import { budgetSummarySection } from './budgetSummary';
import { heading } from './common';
import { communeSection } from './communeSection';
import { coverSection } from './cover';
import { participantsSection } from './participants';
import { tdrSection } from './tdr';

const GREEN = '1F6F43';

export async function buildDocx(bundle: MissionBundle, options: BuildOptions = {}): Promise<Uint8Array> {
  const model = buildReportModel(bundle, options);
  const photoCount = model.communes.reduce((n, c) => n + c.photos.length, 0);
  const progress = startProgress(model.communes.length + photoCount + 1, options.onProgress);
  const children: (Paragraph | Table)[] = [
    ...coverSection(model.cover),
    ...tdrSection(model.tdr),
    ...participantsSection(model.participants),
    heading(L.communesTitle, 1),
  ];
  for (const section of model.communes) {
    children.push(...(await communeSection(section, bundle, progress)));
    await progress.step();
  }
  children.push(...budgetSummarySection(model.budget), ...actionPointsSection(model.actions));
  const doc = new Document({
    creator: 'Terrain',
    title: `${L.documentTitle} — ${model.cover.missionTitle}`,
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 21 } },
        heading1: { run: { size: 32, bold: true, color: GREEN }, paragraph: { spacing: { before: 360, after: 120 } } },
        heading2: { run: { size: 26, bold: true, color: GREEN }, paragraph: { spacing: { before: 240, after: 80 } } },
        heading3: {
          run: { size: 22, bold: true, color: '333333' },
          paragraph: { spacing: { before: 160, after: 80 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } },
        },
        children,
      },
    ],
  });
  const bytes = new Uint8Array(await Packer.toArrayBuffer(doc));
  progress.finish();
  return bytes;
}
