// pdfmake's own modules (its Babel output, CommonJS), which the report builds its engine from
// instead of the prebuilt browser bundle. The package ships types for that bundle's API only.
declare module 'pdfmake/js/base' {
  import type { TDocumentDefinitions } from 'pdfmake/interfaces';

  /** A PDFKit document: a readable stream of the PDF's bytes once `end()` is called. */
  export interface PdfKitDocument {
    on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
    on(event: 'end', listener: () => void): unknown;
    on(event: 'error', listener: (error: Error) => void): unknown;
    end(): void;
  }

  export interface PdfMakeVirtualFs {
    existsSync(name: string): boolean;
    readFileSync(name: string): Uint8Array;
    writeFileSync(name: string, content: Uint8Array): void;
  }

  export default class PdfMakeBase {
    virtualfs: PdfMakeVirtualFs;
    /** Whether a file path (not a data: URL) may be read; undefined: any. */
    localAccessPolicy: ((path: string) => boolean) | undefined;
    setFonts(fonts: Record<string, Record<string, string>>): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    createPdf(doc: TDocumentDefinitions): unknown;
    protected _transformToDocument(doc: Promise<PdfKitDocument>): unknown;
  }
}

declare module 'pdfmake/js/PDFDocument' {
  import type { PdfMakeVirtualFs } from 'pdfmake/js/base';

  /** pdfmake's PDFKit document, as far as the report's engine reaches into it. */
  export default class PdfMakeDocument {
    virtualfs: PdfMakeVirtualFs | null;
    _registeredFonts: Record<string, unknown>;
    font(src: unknown, ...rest: unknown[]): this;
    registerFont(name: string, src: Uint8Array): this;
  }
}
