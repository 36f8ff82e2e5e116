// The PDF fonts' bytes. In the app (the report worker) they are the build's hashed .ttf files,
// fetched from the server or, offline, from the service worker's precache. The tests and the
// bench build PDFs in Node, where the same URLs are file: URLs that fetch cannot read.
import { PDF_FONT_FILES } from './files';

export type PdfFontStyle = keyof typeof PDF_FONT_FILES;

// Literal `new URL(…, import.meta.url)`: the form the bundler recognises to emit each file.
const FONT_URLS: Record<PdfFontStyle, URL> = {
  normal: new URL('./Roboto-Regular.ttf', import.meta.url),
  bold: new URL('./Roboto-Medium.ttf', import.meta.url),
  italics: new URL('./Roboto-Italic.ttf', import.meta.url),
};

async function readFontFile(url: URL): Promise<Uint8Array> {
  if (url.protocol === 'file:') {
    // A variable specifier: the bundler leaves this Node-only branch out of the browser build.
    const nodeFs = 'node:fs/promises';
    const { readFile } = (await import(/* @vite-ignore */ nodeFs)) as typeof import('node:fs/promises');
    return new Uint8Array(await readFile(url));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`pdf-font-unavailable: ${url.pathname} (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Every style's font file, by the file name pdfmake's font table refers to. */
export async function loadPdfFonts(): Promise<Record<string, Uint8Array>> {
  const styles = Object.keys(PDF_FONT_FILES) as PdfFontStyle[];
  const bytes = await Promise.all(styles.map((style) => readFontFile(FONT_URLS[style])));
  return Object.fromEntries(styles.map((style, i) => [PDF_FONT_FILES[style], bytes[i]]));
}
