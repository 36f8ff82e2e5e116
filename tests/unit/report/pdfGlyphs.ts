// Which characters of a PDF print as the font's empty box (.notdef): pdfkit writes text as glyph
// ids (Identity-H), and a character the font lacks becomes glyph 0. Read through pdfjs.
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface PdfGlyph {
  originalCharCode: number;
  unicode: string;
}

/** How many glyphs of the PDF's pages are glyph 0 (a character missing from its font). */
export async function countNotdefGlyphs(bytes: Uint8Array): Promise<number> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise;
  let missing = 0;
  for (let i = 1; i <= pdf.numPages; i++) {
    const ops = await (await pdf.getPage(i)).getOperatorList();
    ops.fnArray.forEach((fn, at) => {
      if (fn !== OPS.showText) return;
      const glyphs = (ops.argsArray[at][0] as unknown[]).filter(
        (g): g is PdfGlyph => typeof g === 'object' && g !== null,
      );
      missing += glyphs.filter((g) => g.originalCharCode === 0).length;
    });
  }
  await pdf.destroy();
  return missing;
}
