// The PDF report's fonts are subsets of Roboto loaded as files (src/report/pdf/fonts): every
// character French reports need prints with a real glyph, in each style, and reads back as typed.
import { describe, expect, it } from 'vitest';
import { buildPdf } from '../../../src/report/pdf';
import { PDF_FONT_CHARACTERS } from '../../../src/report/pdf/fonts/charset';
import { loadPdfMake } from '../../../src/report/pdf/pdfmake';
import { demoBundle, demoMission } from '../../fixtures/reportBundle';
import { countNotdefGlyphs } from './pdfGlyphs';
import { readPdfPages } from './readBack';

/** Building a document takes seconds on a loaded shared machine. */
const SLOW_MACHINE_MS = 60_000;

/** French as typed or pasted: accents, ligature, guillemets, dashes, euro, ellipsis, and the
 * narrow no-break spaces (U+202F) of fr-FR numbers, which Roboto itself lacks. */
const FRENCH = 'Élève à l’école : ça « marche » – œuvre — Œil 12 € … 16\u202f750\u202f000 FCFA • Ÿ ‘ok’ “ok”';

async function pdfOf(content: unknown[]): Promise<Uint8Array> {
  const pdfMake = await loadPdfMake();
  const buffer = await pdfMake.createPdf({ content: content as never, defaultStyle: { font: 'Roboto' } }).getBuffer();
  return new Uint8Array(buffer);
}

describe('the PDF fonts', { timeout: SLOW_MACHINE_MS }, () => {
  it('have a glyph for every character of the set, in regular, bold and italics', async () => {
    const visible = PDF_FONT_CHARACTERS.replace(/[\s\u00a0\u2007\u2009]/g, '');
    const bytes = await pdfOf([{ text: visible }, { text: visible, bold: true }, { text: visible, italics: true }]);
    expect(await countNotdefGlyphs(bytes)).toBe(0);
    const text = (await readPdfPages(bytes)).join('').replace(/\s+/g, '');
    expect(text).toContain(visible.slice(0, 40));
  });

  it('print a report whose title is French typography with no empty box, and read back as typed', async () => {
    const demo = demoMission();
    const bytes = await buildPdf(demoBundle({ ...demo, mission: { ...demo.mission, title: FRENCH } }));
    expect(await countNotdefGlyphs(bytes)).toBe(0);
    const [cover] = await readPdfPages(bytes);
    // pdfjs gives no-break spaces back as plain ones.
    expect(cover.replace(/[\s\u00a0\u202f]+/g, ' ')).toContain(FRENCH.replace(/[\s\u00a0\u202f]+/g, ' '));
  });
});
