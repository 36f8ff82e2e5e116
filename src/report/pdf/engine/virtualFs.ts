// The files pdfmake and PDFKit read by name: the report's fonts, given as bytes. The same store is
// pdfmake's `virtualfs` and, in the browser build, the `fs` PDFKit imports (as pdfmake's own browser
// bundle does), so nothing ever reaches a real file system, in Node or in the browser.
import { Buffer } from 'buffer';

export class PdfFileNotFoundError extends Error {
  constructor(name: string) {
    super(`pdf-file-not-found: ${name}`);
    this.name = 'PdfFileNotFoundError';
  }
}

// pdfmake's own virtual file system drops a leading slash too.
const keyOf = (name: string) => name.replace(/^\//, '');

type Encoding = BufferEncoding | { encoding?: BufferEncoding };

class VirtualFs {
  private readonly files = new Map<string, Buffer>();

  existsSync(name: string): boolean {
    return this.files.has(keyOf(name));
  }

  readFileSync(name: string): Buffer;
  readFileSync(name: string, encoding: Encoding): string | Buffer;
  readFileSync(name: string, encoding?: Encoding): string | Buffer {
    const bytes = this.files.get(keyOf(name));
    if (!bytes) throw new PdfFileNotFoundError(name);
    const textEncoding = typeof encoding === 'object' ? encoding.encoding : encoding;
    return textEncoding ? bytes.toString(textEncoding) : bytes;
  }

  writeFileSync(name: string, content: Uint8Array): void {
    // A Buffer view, no copy: PDFKit tests its inputs with Buffer.isBuffer.
    this.files.set(keyOf(name), Buffer.from(content.buffer, content.byteOffset, content.byteLength));
  }
}

export const virtualFs = new VirtualFs();

export default virtualFs;
