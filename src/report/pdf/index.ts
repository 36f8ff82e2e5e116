// The mission report as a PDF, built on the device with pdfmake from the mission's data: French
// (language tag), a running header with the mission's title and "Page n sur N" at the foot of every
// page but the title page.
import type { Content } from 'pdfmake/interfaces';
import type { BuildOptions, MissionBundle } from '../bundle';
import { reportFigures } from '../figures';
import { reportLabels as L } from '../labels';
import { loadLogos } from '../logos';
import { buildReportModel } from '../model';
import { startProgress } from '../progress';
import { CONTENT_WIDTH_PT, heading, PAGE_MARGIN_PT, styles } from './common';
import { communeSection } from './communeSection';
import { figure } from './figures';
import { loadPdfMake } from './pdfmake';
import { actionPoints, annexes, budgetSummary, cover, freeText, participants, signatures, tdr } from './sections';

export async function buildPdf(bundle: MissionBundle, options: BuildOptions = {}): Promise<Uint8Array> {
  const pdfMake = await loadPdfMake();
  const model = buildReportModel(bundle, options);
  const { parts } = model;
  const withPhotos = parts.has('visits') && parts.has('photos');
  const photoCount = withPhotos ? model.communes.reduce((n, c) => n + c.photos.length, 0) : 0;
  const progress = startProgress(model.communes.length + photoCount + 1, options.onProgress);
  const logos = await loadLogos(bundle, model.logoHashes, { maxWidth: CONTENT_WIDTH_PT / 3 - 16, maxHeight: 70 });
  const content: Content[] = [...cover(model.cover, logos)];
  if (parts.has('synthesis')) content.push(...freeText(L.synthesisTitle, model.synthesis));
  if (parts.has('tdr')) content.push(...tdr(model.tdr));
  if (parts.has('participants')) content.push(...participants(model.participants));
  const figures = reportFigures(model);
  if (figures.map) content.push(figure(figures.map, figures.captions.map, heading(L.mapTitle, 1)));
  if (parts.has('visits')) content.push(heading(L.communesTitle, 1));
  for (const section of model.communes) {
    if (parts.has('visits')) content.push(...(await communeSection(section, bundle, progress, withPhotos)));
    await progress.step();
  }
  if (parts.has('budget')) content.push(...budgetSummary(model.budget));
  if (figures.chart) {
    if (!parts.has('budget')) content.push(heading(L.budgetTitle, 1));
    content.push(figure(figures.chart, figures.captions.chart));
  }
  if (parts.has('actions')) content.push(...actionPoints(model.actions));
  if (parts.has('conclusion')) content.push(...freeText(L.conclusionTitle, model.conclusion));
  if (parts.has('signatures')) content.push(...signatures(model.signatures));
  if (parts.has('annexes')) content.push(...annexes(model.annexes));
  const pdf = pdfMake.createPdf({
    info: { title: `${L.documentTitle} — ${model.cover.missionTitle}`, creator: 'Terrain' },
    language: 'fr-FR',
    pageSize: 'A4',
    pageMargins: PAGE_MARGIN_PT,
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles,
    content,
    header: (page) =>
      page === 1
        ? null
        : {
            text: model.runningHeader,
            alignment: 'right',
            fontSize: 8,
            color: '#666666',
            margin: [PAGE_MARGIN_PT, 28, PAGE_MARGIN_PT, 0],
          },
    footer: (page, pages) =>
      page === 1
        ? null
        : {
            text: L.pageNumber(page, pages),
            alignment: 'center',
            fontSize: 8,
            color: '#666666',
            margin: [0, 20, 0, 0],
          },
  });
  const buffer = await pdf.getBuffer();
  progress.finish();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
