// `zlib` for the PDF engine in the browser, over fflate (which the app ships anyway): exactly what
// its modules call. PDFKit compresses every stream with deflateSync (page contents, embedded fonts,
// PNG pixels it had to split from their alpha channel); png-js inflates a PNG's IDAT data with
// inflate(data, callback) before that split. Both are the zlib format (2-byte header, Adler-32),
// as Node's functions of the same name.
import { Buffer } from 'buffer';
import { unzlibSync, zlibSync } from 'fflate';

// PDFKit writes what is not a Buffer as text (PDFDocument._write), so bytes go back as Buffers.
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export function deflateSync(data: Uint8Array): Buffer {
  // Level 6: Node's default, the one PDFKit gets in Node.
  return asBuffer(zlibSync(data, { level: 6 }));
}

/**
 * Calls back synchronously, not on a later tick as Node does: png-js throws what it is given, and
 * thrown here it reaches the code embedding the image (and so the report's error) rather than
 * the worker's global handler. PDFKit's PNG embedding works either way (it ends the image's
 * object in the callback and the document waits for it).
 */
export function inflate(data: Uint8Array, callback: (error: Error | null, result?: Buffer) => void): void {
  let result: Buffer;
  try {
    result = asBuffer(unzlibSync(data));
  } catch (error) {
    callback(error as Error);
    return;
  }
  callback(null, result);
}

export default { deflateSync, inflate };
