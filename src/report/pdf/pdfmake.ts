// Loads the PDF engine (pdfmake built from its modules, ./engine) with the report's fonts, once, on
// first use. pdfmake's own vfs_fonts (the full Roboto, base64 in a 850 KB script) is not loaded:
// the fonts are TrueType subsets (./fonts), fetched and precached apart.
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { CreatedPdf } from './engine/pdfmakeEngine';
import { PDF_FONT_FILES } from './fonts/files';
import { loadPdfFonts } from './fonts/load';
import { withPrintableText } from './fonts/printable';

interface PdfMake {
  createPdf(doc: TDocumentDefinitions): CreatedPdf;
}

let loading: Promise<PdfMake> | null = null;

export function loadPdfMake(): Promise<PdfMake> {
  loading ??= (async () => {
    // A separate chunk, fetched while the fonts are read.
    const [{ pdfMake }, fonts] = await Promise.all([import('./engine/pdfmakeEngine'), loadPdfFonts()]);
    for (const [name, bytes] of Object.entries(fonts)) pdfMake.virtualfs.writeFileSync(name, bytes);
    // No bold italic file: nothing in the report asks for it; if something does, it prints bold.
    pdfMake.setFonts({ Roboto: { ...PDF_FONT_FILES, bolditalics: PDF_FONT_FILES.bold } });
    return { createPdf: (doc) => pdfMake.createPdf(withPrintableText(doc)) as CreatedPdf };
  })();
  return loading;
}
