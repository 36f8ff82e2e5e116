// SVG text (the map's and the chart's labels) asks PDFKit for its font by the file name pdfmake's
// font table gives ('Roboto-Regular.ttf'), and PDFKit opens that name with its `fs`: in Node the
// disk, where no such file is (the text would fall back to another font, with a warning); pdfmake's
// prebuilt bundle only found it because it swaps `fs` for its virtual file system. Registering the
// virtual file under its name first makes SVG text find the report's fonts in Node and in the
// browser alike, without PDFKit touching any `fs`.
import type PdfMakeDocument from 'pdfmake/js/PDFDocument';
import * as pdfmakeDocument from 'pdfmake/js/PDFDocument';
import { cjsDefault } from './cjsDefault';

let installed = false;

export function findSvgFontsInVirtualFs(): void {
  if (installed) return;
  installed = true;
  const { prototype } = cjsDefault(pdfmakeDocument);
  const font = prototype.font;
  prototype.font = function (this: PdfMakeDocument, src: unknown, ...rest: unknown[]) {
    if (typeof src === 'string' && !this._registeredFonts[src] && this.virtualfs?.existsSync(src)) {
      this.registerFont(src, this.virtualfs.readFileSync(src));
    }
    return font.call(this, src, ...rest);
  };
}
