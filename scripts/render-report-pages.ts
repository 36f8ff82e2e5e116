// Builds the Word and PDF reports of the demo mission (tests/fixtures/reportBundle.ts, with report
// settings) and renders every page to PNG, to look at them as a reader would:
//   node --import tsx scripts/render-report-pages.ts [out-dir]
// Needs LibreOffice (Word → PDF) and poppler-utils (pdftoppm): apt-get install libreoffice-writer-nogui poppler-utils
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildDocx } from '../src/report/docx';
import { buildPdf } from '../src/report/pdf';
import { DEMO_SETTINGS, demoBundle } from '../tests/fixtures/reportBundle';
import { bannerJpeg, sealPng } from '../tests/unit/report/logoImages';
import { nodeRasterizer } from '../tests/unit/report/nodeCanvas';

const out = path.resolve(process.argv[2] ?? '/tmp/terrain-report-pages');
fs.mkdirSync(path.join(out, 'word'), { recursive: true });
// Two logos on the title page, as a rapporteur would choose them: a transparent PNG and a JPEG.
const logos = await Promise.all([sealPng(), bannerJpeg()]);
const demo = demoBundle();
const bundle = {
  ...demo,
  settings: { ...DEMO_SETTINGS, logoHashes: logos.map((l) => l.hash) },
  photoBytes: async (hash: string) => logos.find((l) => l.hash === hash)?.bytes ?? demo.photoBytes(hash),
};
fs.writeFileSync(path.join(out, 'rapport.docx'), await buildDocx(bundle, { rasterize: nodeRasterizer }));
fs.writeFileSync(path.join(out, 'rapport.pdf'), await buildPdf(bundle));
// LibreOffice names its PDF after the .docx: written to a folder of its own so it replaces nothing.
execFileSync(
  'soffice',
  ['--headless', '--convert-to', 'pdf', '--outdir', path.join(out, 'word'), path.join(out, 'rapport.docx')],
  {
    stdio: 'ignore',
  },
);
execFileSync('pdftoppm', ['-r', '60', '-png', path.join(out, 'rapport.pdf'), path.join(out, 'pdf')]);
execFileSync('pdftoppm', ['-r', '60', '-png', path.join(out, 'word', 'rapport.pdf'), path.join(out, 'word')]);
console.log(
  fs
    .readdirSync(out)
    .filter((f) => f.endsWith('.png'))
    .sort()
    .join('\n'),
);
