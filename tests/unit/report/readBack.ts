// Reads the generated documents back the way a person would see them: the Word file through
// mammoth (HTML with its tables) and its raw parts with fflate, the PDF's text through pdfjs.
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface HtmlTable {
  rows: string[][];
}

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim();

/** Each table of an HTML document, as rows of cell texts. */
export function tablesOf(html: string): HtmlTable[] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) => ({
    rows: [...t[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...r[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => decode(c[1])),
    ),
  }));
}

export async function readDocx(bytes: Uint8Array) {
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  const parts = unzipSync(bytes);
  const media = Object.keys(parts).filter((p) => p.startsWith('word/media/'));
  return {
    html,
    text: decode(html.replace(/<\/(p|td|th|h\d)>/g, '\n')),
    tables: tablesOf(html),
    media,
    xml: strFromU8(parts['word/document.xml']),
    /** Every XML part by path (styles, headers, footers…), as text. */
    parts: Object.fromEntries(
      Object.entries(parts)
        .filter(([path]) => path.endsWith('.xml'))
        .map(([path, data]) => [path, strFromU8(data)]),
    ) as Record<string, string>,
  };
}

/** The text of each page of a PDF. */
export async function readPdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join(''));
  }
  await pdf.destroy();
  return pages;
}

/** How many images each page of a PDF paints. */
export async function countPdfImages(bytes: Uint8Array): Promise<number> {
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  let count = 0;
  for (let i = 1; i <= pdf.numPages; i++) {
    const ops = await (await pdf.getPage(i)).getOperatorList();
    count += ops.fnArray.filter((fn) => fn === OPS.paintImageXObject).length;
  }
  await pdf.destroy();
  return count;
}

/** How many images each page of a PDF paints, page by page (the title page's logos are on page 1). */
export async function pdfImagesPerPage(bytes: Uint8Array): Promise<number[]> {
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const counts: number[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const ops = await (await pdf.getPage(i)).getOperatorList();
    counts.push(ops.fnArray.filter((fn) => fn === OPS.paintImageXObject).length);
  }
  await pdf.destroy();
  return counts;
}
