// The mission report as a PDF, built on the device with pdfmake from the mission's data.
import type { Content } from 'pdfmake/interfaces';
import type { BuildOptions, MissionBundle } from '../bundle';
import { reportLabels as L } from '../labels';
import { buildReportModel } from '../model';
import { startProgress } from '../progress';
import { heading, PAGE_MARGIN_PT, styles } from './common';
import { communeSection } from './communeSection';
import { loadPdfMake } from './pdfmake';
import { actionPoints, budgetSummary, cover, participants, tdr } from './sections';

export async function buildPdf(bundle: MissionBundle, options: BuildOptions = {}): Promise<Uint8Array> {
  const pdfMake = await loadPdfMake();
  const model = buildReportModel(bundle, options);
  const photoCount = model.communes.reduce((n, c) => n + c.photos.length, 0);
  const progress = startProgress(model.communes.length + photoCount + 1, options.onProgress);
  const content: Content[] = [
    ...cover(model.cover),
    ...tdr(model.tdr),
    ...participants(model.participants),
    heading(L.communesTitle, 1),
  ];
  for (const section of model.communes) {
    content.push(...(await communeSection(section, bundle, progress)));
    await progress.step();
  }
  content.push(...budgetSummary(model.budget), ...actionPoints(model.actions));
  const pdf = pdfMake.createPdf({
    info: { title: `${L.documentTitle} — ${model.cover.missionTitle}`, creator: 'Terrain' },
    language: 'fr-FR',
    pageSize: 'A4',
    pageMargins: PAGE_MARGIN_PT,
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles,
    content,
    footer: (page, pages) =>
      page === 1 ? null : { text: `${page} / ${pages}`, alignment: 'center', fontSize: 8, color: '#666666' },
  });
  const buffer = await pdf.getBuffer();
  progress.finish();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
