// The browser versions of the Node modules the PDF engine imports (src/report/pdf/engine/browser),
// which the report worker's build swaps in: checked here against Node's own modules, for what
// PDFKit, png-js, fontkit and pdfmake call.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EventEmitter } from '../../../src/report/pdf/engine/browser/events';
import { Readable } from '../../../src/report/pdf/engine/browser/stream';
import tinyInflate from '../../../src/report/pdf/engine/browser/tinyInflate';
import decompressBrotli, { Woff2FontUnsupportedError } from '../../../src/report/pdf/engine/browser/woff2';
import { deflateSync, inflate } from '../../../src/report/pdf/engine/browser/zlib';
import { PdfFileNotFoundError, virtualFs } from '../../../src/report/pdf/engine/virtualFs';
import { PDF_FONT_FILES } from '../../../src/report/pdf/fonts/files';

/** Bytes that compress somewhat, as a page's content stream or an image's rows do. */
function sample(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 7 + (i >> 5)) % 61;
  return bytes;
}

describe('the browser zlib', () => {
  it('deflates to the zlib format Node reads, as a Buffer (PDFKit writes anything else as text)', () => {
    const data = sample(100_000);
    const deflated = deflateSync(data);
    expect(Buffer.isBuffer(deflated)).toBe(true);
    expect(deflated.length).toBeLessThan(data.length / 4);
    expect(new Uint8Array(zlib.inflateSync(deflated))).toEqual(data);
  });

  it("inflates a PNG's zlib data as png-js asks (a callback), and calls back with the error", () => {
    const data = sample(50_000);
    let result: Uint8Array | undefined;
    inflate(zlib.deflateSync(data), (error, inflated) => {
      expect(error).toBeNull();
      result = inflated;
    });
    expect(result && new Uint8Array(result)).toEqual(data);
    let failure: Error | null = null;
    inflate(new Uint8Array([1, 2, 3, 4]), (error) => {
      failure = error;
    });
    expect(failure).toBeInstanceOf(Error);
  });

  it('inflates raw DEFLATE into the buffer given, as tiny-inflate (unicode-trie, WOFF fonts)', () => {
    const data = sample(20_000);
    const dest = new Uint8Array(data.length);
    const inflated = tinyInflate(zlib.deflateRawSync(data), dest);
    expect(inflated).toEqual(data);
    expect(inflated.buffer).toBe(dest.buffer);
  });
});

describe('the browser events and stream', () => {
  it('emits in order, to listeners present when the event starts, and throws an unheard error', () => {
    const emitter = new EventEmitter();
    const heard: string[] = [];
    const second = () => heard.push('second');
    emitter.addListener('pageChanged', () => {
      heard.push('first');
      emitter.removeListener('pageChanged', second);
    });
    emitter.on('pageChanged', second);
    emitter.once('pageChanged', () => heard.push('once'));
    emitter.emit('pageChanged');
    emitter.emit('pageChanged');
    expect(heard).toEqual(['first', 'second', 'once', 'first']);
    expect(() => emitter.emit('error', new Error('boom'))).toThrow('boom');
  });

  it('gives what was pushed before anyone listened, then the rest, then the end', async () => {
    const stream = new Readable();
    stream.push(new Uint8Array([1]));
    const chunks: number[] = [];
    const ended = new Promise<void>((resolve) => stream.on('end', () => resolve()));
    stream.on('data', (chunk) => chunks.push(...(chunk as Uint8Array)));
    stream.push(new Uint8Array([2, 3]));
    stream.push(null);
    expect(chunks).toEqual([1, 2, 3]);
    await ended;
  });
});

describe('what the browser engine leaves out', () => {
  it('has no brotli: the report fonts are TrueType, which fontkit reads without it', () => {
    for (const file of Object.values(PDF_FONT_FILES)) {
      const bytes = fs.readFileSync(new URL(`../../../src/report/pdf/fonts/${file}`, import.meta.url));
      // 0x00010000: a TrueType sfnt ('wOF2' would be WOFF2, whose tables are brotli-compressed).
      expect(bytes.readUInt32BE(0), file).toBe(0x00010000);
    }
    expect(() => decompressBrotli()).toThrow(Woff2FontUnsupportedError);
  });

  it('reads files from its virtual file system only, with a named error for any other', () => {
    virtualFs.writeFileSync('note.txt', new TextEncoder().encode('é'));
    expect(virtualFs.readFileSync('/note.txt', 'utf8')).toBe('é');
    expect(() => virtualFs.readFileSync('/data/Helvetica.afm', 'utf8')).toThrow(PdfFileNotFoundError);
  });
});
