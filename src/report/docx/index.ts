// The mission report as a Word document (.docx), built on the device from the mission's data.
// French throughout (the language tag makes Word spell-check it in French), a running header with
// the mission's title and "Page n sur N" at the foot of every page but the title page.
import { AlignmentType, Document, Footer, Header, PageNumber, Paragraph, type Table, TextRun } from 'docx';
import type { BuildOptions, MissionBundle } from '../bundle';
import { reportFigures } from '../figures';
import { offscreenRasterizer } from '../graphics/rasterize';
import { reportLabels as L } from '../labels';
import { loadLogos } from '../logos';
import { buildReportModel } from '../model';
import { startProgress } from '../progress';
import { actionPointsSection } from './actionPoints';
import { budgetSummarySection } from './budgetSummary';
import { annexesSection, freeTextSection, signaturesSection } from './closing';
import { heading, PAGE_WIDTH_PX } from './common';
import { communeSection } from './communeSection';
import { coverSection } from './cover';
import { figure } from './figures';
import { DocxPictures } from './media';
import { participantsSection } from './participants';
import { tdrSection } from './tdr';

const GREEN = '1F6F43';
const FRENCH = { value: 'fr-FR' } as const;

function runningHeader(text: string): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        border: { bottom: { style: 'single', size: 4, color: 'AAAAAA', space: 2 } },
        children: [new TextRun({ text, size: 16, color: '666666' })],
      }),
    ],
  });
}

function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ size: 16, color: '666666', children: ['Page ', PageNumber.CURRENT] }),
          new TextRun({ size: 16, color: '666666', children: [' sur ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

export async function buildDocx(bundle: MissionBundle, options: BuildOptions = {}): Promise<Uint8Array> {
  const model = buildReportModel(bundle, options);
  const { parts } = model;
  const withPhotos = parts.has('visits') && parts.has('photos');
  const photoCount = withPhotos ? model.communes.reduce((n, c) => n + c.photos.length, 0) : 0;
  const progress = startProgress(model.communes.length + photoCount + 1, options.onProgress);
  const logos = await loadLogos(bundle, model.logoHashes, { maxWidth: PAGE_WIDTH_PX / 3 - 20, maxHeight: 90 });
  const pictures = new DocxPictures();
  const children: (Paragraph | Table)[] = [...coverSection(model.cover, logos, pictures)];
  if (parts.has('synthesis')) children.push(...freeTextSection(L.synthesisTitle, model.synthesis));
  if (parts.has('tdr')) children.push(...tdrSection(model.tdr));
  if (parts.has('participants')) children.push(...participantsSection(model.participants));
  const figures = reportFigures(model);
  const rasterize = options.rasterize ?? offscreenRasterizer;
  if (figures.map)
    children.push(heading(L.mapTitle, 1), ...(await figure(figures.map, figures.captions.map, rasterize, pictures)));
  if (parts.has('visits')) children.push(heading(L.communesTitle, 1));
  for (const section of model.communes) {
    if (parts.has('visits')) children.push(...(await communeSection(section, bundle, progress, pictures, withPhotos)));
    await progress.step();
  }
  if (parts.has('budget')) children.push(...budgetSummarySection(model.budget));
  if (figures.chart) {
    if (!parts.has('budget')) children.push(heading(L.budgetTitle, 1));
    children.push(...(await figure(figures.chart, figures.captions.chart, rasterize, pictures)));
  }
  if (parts.has('actions')) children.push(...actionPointsSection(model.actions));
  if (parts.has('conclusion')) children.push(...freeTextSection(L.conclusionTitle, model.conclusion));
  if (parts.has('signatures')) children.push(...signaturesSection(model.signatures));
  if (parts.has('annexes')) children.push(...annexesSection(model.annexes));
  const doc = new Document({
    creator: 'Terrain',
    title: `${L.documentTitle} — ${model.cover.missionTitle}`,
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 21, language: FRENCH } },
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
          titlePage: true,
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567 },
          },
        },
        headers: { default: runningHeader(model.runningHeader), first: new Header({ children: [] }) },
        footers: { default: pageNumberFooter(), first: new Footer({ children: [] }) },
        children,
      },
    ],
  });
  const bytes = await pictures.pack(doc);
  progress.finish();
  return bytes;
}
