// Report bench: builds the Word and PDF reports of a mission with 20 communes and 100 photos
// (1600×1200 JPEGs, as the app stores them) and measures the time, the size and the longest stretch
// the event loop was held without a break (what a user would feel as a frozen page).
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import type { BuildOptions, MissionBundle } from '../../src/report/bundle';
import { buildDocx } from '../../src/report/docx';
import { reportFigures } from '../../src/report/figures';
import { buildReportModel } from '../../src/report/model';
import { buildPdf } from '../../src/report/pdf';
import { figure } from '../../src/report/pdf/figures';
import { loadPdfMake } from '../../src/report/pdf/pdfmake';
import { DEMO_SETTINGS, demoBundle, demoMission } from '../fixtures/reportBundle';
import { nodeRasterizer } from '../unit/report/nodeCanvas';

/**
 * Issue 12's targets on this machine for 20 communes and 100 photos: Word ≤ 2.0 s, PDF ≤ 3.0 s
 * (issue 13 had allowed 2.5 s and 3.5 s); the map and chart add ≤ 300 ms (issue 13).
 */
export const REPORT_TARGET_MS = { docx: 2000, pdf: 3000, figures: 300 } as const;

export interface ReportFigure {
  name: string;
  kind: 'docx' | 'pdf';
  /** Built with the map and the chart (false: the same report with both left out). */
  withFigures: boolean;
  ms: number;
  bytes: number;
  longestStallMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(
  name: string,
  kind: ReportFigure['kind'],
  build: (bundle: MissionBundle, options: BuildOptions) => Promise<Uint8Array>,
  bundle: MissionBundle,
): Promise<ReportFigure> {
  const withFigures = !bundle.settings?.excludedParts.includes('map');
  let last = performance.now();
  let longestStallMs = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    longestStallMs = Math.max(longestStallMs, now - last);
    last = now;
  }, 5);
  try {
    // The median of three builds: one build of 100 photos on a shared machine varies by ±20 %.
    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      // The Word report's figures are drawn on a 2D canvas: OffscreenCanvas in the worker, Skia here.
      bytes = (await build(bundle, { noteStates: ['validee'], rasterize: nodeRasterizer })).length;
      times.push(performance.now() - started);
    }
    return { name, kind, withFigures, ms: median(times), bytes, longestStallMs };
  } finally {
    clearInterval(probe);
  }
}

export async function measureReports(): Promise<ReportFigure[]> {
  const demo = demoMission({ communeCount: 20, photoCount: 100, photoWidth: 1600, photoHeight: 1200 });
  const bundle = { ...demoBundle(demo), settings: DEMO_SETTINGS };
  const withoutFigures = {
    ...bundle,
    settings: { ...DEMO_SETTINGS, excludedParts: ['map' as const, 'charts' as const] },
  };
  // A first, small build loads the libraries, so the figures are for building only.
  await buildPdf(demoBundle());
  await buildDocx(demoBundle(), { rasterize: nodeRasterizer });
  return [
    await measure('report .docx, 20 communes, 100 photos, map, chart', 'docx', buildDocx, bundle),
    await measure('report .docx, same without map and chart', 'docx', buildDocx, withoutFigures),
    await measure('report PDF, 20 communes, 100 photos, map, chart', 'pdf', buildPdf, bundle),
    await measure('report PDF, same without map and chart', 'pdf', buildPdf, withoutFigures),
  ];
}

/**
 * What the map and the chart cost on their own, median of five (the difference between two whole
 * builds is lost in the noise of a shared machine): for Word, drawing both scenes to PNG; for the
 * PDF, a document holding only the two figures less an empty one.
 */
export async function measureFigures(): Promise<{ docxMs: number; pdfMs: number }> {
  const demo = demoMission({ communeCount: 20, photoCount: 1 });
  const model = buildReportModel({ ...demoBundle(demo), settings: null });
  const pdfMake = await loadPdfMake();
  const docx: number[] = [];
  const pdf: number[] = [];
  for (let i = 0; i < 5; i++) {
    let started = performance.now();
    const figures = reportFigures(model);
    for (const scene of [figures.map, figures.chart]) if (scene) await nodeRasterizer(scene, 1.5);
    docx.push(performance.now() - started);
    started = performance.now();
    await pdfMake.createPdf({ content: [] }).getBuffer();
    const empty = performance.now() - started;
    started = performance.now();
    const again = reportFigures(model);
    await pdfMake
      .createPdf({
        content: [again.map, again.chart].flatMap((scene) => (scene ? [figure(scene, scene.title)] : [])),
      })
      .getBuffer();
    pdf.push(performance.now() - started - empty);
  }
  return { docxMs: median(docx), pdfMs: median(pdf) };
}

/** The bench's lines for the reports: each build against its target, and what the figures add. */
export function reportLines(
  figures: ReportFigure[],
  alone?: { docxMs: number; pdfMs: number },
): [string, string, string, boolean][] {
  const lines: [string, string, string, boolean][] = [];
  for (const f of figures) {
    const target = REPORT_TARGET_MS[f.kind];
    lines.push([f.name, `${f.ms.toFixed(0)} ms`, `<= ${target} ms`, f.ms <= target]);
    lines.push([
      `  ${(f.bytes / 1024 / 1024).toFixed(1)} MB; longest event-loop stall in one thread`,
      `${f.longestStallMs.toFixed(0)} ms`,
      'runs in a Worker',
      true,
    ]);
  }
  for (const kind of ['docx', 'pdf'] as const) {
    const [withF, without] = [true, false].map((w) => figures.find((f) => f.kind === kind && f.withFigures === w));
    if (!withF || !without) continue;
    const added = withF.ms - without.ms;
    lines.push([
      `  map and chart add (${kind})`,
      `${added.toFixed(0)} ms`,
      `<= ${REPORT_TARGET_MS.figures} ms`,
      added <= REPORT_TARGET_MS.figures,
    ]);
  }
  if (alone)
    for (const [kind, ms] of [
      ['docx', alone.docxMs],
      ['pdf', alone.pdfMs],
    ] as const)
      lines.push([
        `  map and chart on their own (${kind}, median of 5)`,
        `${ms.toFixed(0)} ms`,
        `<= ${REPORT_TARGET_MS.figures} ms`,
        ms <= REPORT_TARGET_MS.figures,
      ]);
  return lines;
}

/** The report code's weight, loaded only when a file is asked for (never by the first screen). */
export function reportChunkSizes(distDir: string): { file: string; raw: number; gzip: number }[] {
  const assets = path.join(distDir, 'assets');
  // The worker's entry, then what Word (docx) and PDF (pdf, pdfmake, the fonts) each load on demand.
  return fs
    .readdirSync(assets)
    .filter(
      (f) =>
        /^(reportWorker|docx|pdf|pdfmake|xlsx|exportArchive|importArchive|ReportScreen)-.*\.js$/.test(f) ||
        /^Roboto-.*\.ttf$/.test(f),
    )
    .map((file) => {
      const bytes = fs.readFileSync(path.join(assets, file));
      return { file, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
    });
}
