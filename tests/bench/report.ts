// Report bench: builds the Word and PDF reports of a mission with 20 communes and 100 photos
// (1600×1200 JPEGs, as the app stores them) and measures the time, the size and the longest stretch
// the event loop was held without a break (what a user would feel as a frozen page).
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import type { BuildOptions, MissionBundle } from '../../src/report/bundle';
import { buildDocx } from '../../src/report/docx';
import { buildPdf } from '../../src/report/pdf';
import { demoBundle, demoMission } from '../fixtures/reportBundle';

export interface ReportFigure {
  name: string;
  ms: number;
  bytes: number;
  longestStallMs: number;
}

async function measure(
  name: string,
  build: (bundle: MissionBundle, options: BuildOptions) => Promise<Uint8Array>,
  bundle: MissionBundle,
): Promise<ReportFigure> {
  let last = performance.now();
  let longestStallMs = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    longestStallMs = Math.max(longestStallMs, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  try {
    const bytes = await build(bundle, { noteStates: ['validee'] });
    return { name, ms: performance.now() - started, bytes: bytes.length, longestStallMs };
  } finally {
    clearInterval(probe);
  }
}

export async function measureReports(): Promise<ReportFigure[]> {
  const bundle = demoBundle(demoMission({ communeCount: 20, photoCount: 100, photoWidth: 1600, photoHeight: 1200 }));
  // A first, small build loads the libraries, so the figures are for building only.
  await buildPdf(demoBundle());
  await buildDocx(demoBundle());
  return [
    await measure('report .docx, 20 communes, 100 photos', buildDocx, bundle),
    await measure('report PDF, 20 communes, 100 photos', buildPdf, bundle),
  ];
}

/** The report code's weight, loaded only when a file is asked for (never by the first screen). */
export function reportChunkSizes(distDir: string): { file: string; raw: number; gzip: number }[] {
  const assets = path.join(distDir, 'assets');
  return fs
    .readdirSync(assets)
    .filter((f) => /^(reportWorker|xlsx|exportArchive|importArchive|ReportScreen)-.*\.js$/.test(f))
    .map((file) => {
      const bytes = fs.readFileSync(path.join(assets, file));
      return { file, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
    });
}
