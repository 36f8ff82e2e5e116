// Loads pdfmake (its browser build, which also runs in Node for the tests) with the report's
// fonts, once, on first use. pdfmake's own vfs_fonts (the full Roboto, base64 in a 850 KB script)
// is not loaded: the fonts are subsets kept as .woff2 files (./fonts), fetched and precached apart.
import type { TCreatedPdf, TDocumentDefinitions } from 'pdfmake/interfaces';
import { PDF_FONT_FILES } from './fonts/files';
import { loadPdfFonts } from './fonts/load';
import { withPrintableText } from './fonts/printable';

interface PdfMake {
  createPdf(doc: TDocumentDefinitions): TCreatedPdf;
}

interface PdfMakeBuild extends PdfMake {
  virtualfs: { writeFileSync(name: string, content: Uint8Array): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
}

let loading: Promise<PdfMake> | null = null;

export function loadPdfMake(): Promise<PdfMake> {
  loading ??= (async () => {
    const [pdfmakeModule, fonts] = await Promise.all([import('pdfmake/build/pdfmake'), loadPdfFonts()]);
    // A CommonJS bundle: depending on the bundler its API is the module or its default export.
    const pdfMake = ((pdfmakeModule as { default?: unknown }).default ?? pdfmakeModule) as PdfMakeBuild;
    // The bytes as they are (addVirtualFileSystem would want them as base64 text).
    for (const [name, bytes] of Object.entries(fonts)) pdfMake.virtualfs.writeFileSync(name, bytes);
    // No bold italic file: nothing in the report asks for it; if something does, it prints bold.
    pdfMake.setFonts({ Roboto: { ...PDF_FONT_FILES, bolditalics: PDF_FONT_FILES.bold } });
    return { createPdf: (doc) => pdfMake.createPdf(withPrintableText(doc)) };
  })();
  return loading;
}
