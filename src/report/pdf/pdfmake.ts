// Loads pdfmake (its browser build, which also runs in Node for the tests) with the Roboto fonts
// it ships, once, on first use: together they weigh about 1.3 MB, so they stay out of every screen
// until a PDF is asked for.
import type { TCreatedPdf, TDocumentDefinitions } from 'pdfmake/interfaces';

interface PdfMake {
  createPdf(doc: TDocumentDefinitions): TCreatedPdf;
  addVirtualFileSystem(vfs: Record<string, string>): void;
}

let loading: Promise<PdfMake> | null = null;

export function loadPdfMake(): Promise<PdfMake> {
  loading ??= (async () => {
    const [pdfmakeModule, fontsModule] = await Promise.all([
      import('pdfmake/build/pdfmake'),
      import('pdfmake/build/vfs_fonts'),
    ]);
    // A CommonJS bundle: depending on the bundler its API is the module or its default export.
    const pdfMake = ((pdfmakeModule as { default?: unknown }).default ?? pdfmakeModule) as PdfMake;
    const vfs = ((fontsModule as { default?: unknown }).default ?? fontsModule) as Record<string, string>;
    pdfMake.addVirtualFileSystem(vfs);
    return pdfMake;
  })();
  return loading;
}
