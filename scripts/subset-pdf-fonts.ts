// Cuts pdfmake's Roboto down to the characters of src/report/pdf/fonts/charset.ts and writes them
// as TrueType beside it (committed; run again after changing the set):
//   node --import tsx scripts/subset-pdf-fonts.ts
// harfbuzz's subsetter (subset-font, WebAssembly): no network, no native build. Only the layout
// features pdfkit's shaper (fontkit's default shaper) applies to Latin text are kept, kerning and
// ligatures among them: small caps, old-style figures… are never asked for and weighed a third.
// Hinting is dropped (PDF viewers do not need it at print sizes).
import fs from 'node:fs';
import path from 'node:path';
// @ts-expect-error subset-font ships no types
import subsetFont from 'subset-font';
import { PDF_FONT_CHARACTERS } from '../src/report/pdf/fonts/charset';
import { PDF_FONT_FILES } from '../src/report/pdf/fonts/files';

/** fontkit's DefaultShaper: variation, directional, common and horizontal features. */
const SHAPER_FEATURES = [
  'rvrn',
  'ltra',
  'ltrm',
  'ccmp',
  'locl',
  'rlig',
  'mark',
  'mkmk',
  'calt',
  'clig',
  'liga',
  'rclt',
  'curs',
  'kern',
];

const root = path.resolve(import.meta.dirname, '..');
const source = path.join(root, 'node_modules/pdfmake/fonts/Roboto');
const target = path.join(root, 'src/report/pdf/fonts');

for (const [style, file] of Object.entries(PDF_FONT_FILES)) {
  const ttf = fs.readFileSync(path.join(source, file));
  const subset: Buffer = await subsetFont(ttf, PDF_FONT_CHARACTERS, {
    targetFormat: 'sfnt',
    noHinting: true,
    keepFeatures: SHAPER_FEATURES,
  });
  fs.writeFileSync(path.join(target, file), subset);
  console.log(
    `${style.padEnd(8)} ${file.padEnd(24)} ${(ttf.length / 1024).toFixed(0).padStart(4)} KB → ${(subset.length / 1024).toFixed(1)} KB`,
  );
}
