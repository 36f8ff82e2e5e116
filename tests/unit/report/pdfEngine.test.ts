// The PDF engine (pdfmake from its modules, src/report/pdf/engine): SVG text (the map's and the
// chart's labels) prints in the report's Roboto, read from the engine's virtual files, and nothing
// falls back to PDFKit's standard fonts.
import { describe, expect, it } from 'vitest';
import { loadPdfMake } from '../../../src/report/pdf/pdfmake';
import { readPdfPages } from './readBack';

describe('the PDF engine', { timeout: 60_000 }, () => {
  it('prints SVG text in the report fonts', async () => {
    const pdfMake = await loadPdfMake();
    const svg =
      '<svg width="200" height="40"><text x="4" y="20" font-family="Roboto">Kédougou</text>' +
      '<text x="100" y="20" font-family="Roboto" font-weight="bold">Thiès</text></svg>';
    const bytes = await pdfMake.createPdf({ content: [{ svg }], defaultStyle: { font: 'Roboto' } }).getBuffer();
    const text = Buffer.from(bytes).toString('latin1');
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+Roboto-Regular/);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+Roboto-Medium/);
    expect(text).not.toContain('/Helvetica');
    expect((await readPdfPages(bytes)).join(' ')).toContain('Kédougou');
  });
});
