// pdfmake built from its own modules rather than its prebuilt browser bundle: that bundle carries
// its own copies of zlib (pako, twice), brotli, Node's stream and events, polyfills and PDF
// encryption, which the report does not need or already has (fflate). In the browser build, the
// report worker's bundler gives those Node modules small replacements (./browser, wired by
// src/server/build/pdfEngineShimsPlugin.ts); in Node (the tests, the bench) they are Node's own.
import type { PdfKitDocument } from 'pdfmake/js/base';
import * as pdfmakeBase from 'pdfmake/js/base';
import { cjsDefault } from './cjsDefault';
import { findSvgFontsInVirtualFs } from './svgTextFonts';
import { virtualFs } from './virtualFs';

/** What the report uses of a created PDF: its bytes. */
export interface CreatedPdf {
  getBuffer(): Promise<Uint8Array>;
}

function collect(document: PdfKitDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    document.on('data', (chunk) => chunks.push(chunk));
    document.on('end', () => {
      const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
      resolve(bytes);
    });
    document.on('error', reject);
    document.end();
  });
}

const PdfMakeBase = cjsDefault(pdfmakeBase);

class ReportPdfMake extends PdfMakeBase {
  constructor() {
    super();
    this.virtualfs = virtualFs;
    // Everything the report draws is in the document (images as data: URLs, fonts in virtualFs):
    // no URL is fetched nor local file read while a PDF is built, online or not.
    this.setUrlAccessPolicy(() => false);
    this.localAccessPolicy = () => false;
  }

  protected override _transformToDocument(document: Promise<PdfKitDocument>): CreatedPdf {
    let bytes: Promise<Uint8Array> | null = null;
    return { getBuffer: () => (bytes ??= document.then(collect)) };
  }
}

findSvgFontsInVirtualFs();
export const pdfMake = new ReportPdfMake();
