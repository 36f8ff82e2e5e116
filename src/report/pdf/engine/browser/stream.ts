// `stream` for the PDF engine in the browser: PDFKit's document is a Readable it pushes the PDF's
// bytes into, and the engine reads them back with 'data' and 'end' (engine/pdfmakeEngine.ts); sax
// (SVG parsing) only takes `Stream` as the base of a streaming parser the engine never creates.
// Node's Readable, through readable-stream, would bring util, process and string_decoder along.
import { EventEmitter } from './events';

export class Stream extends EventEmitter {}

export class Readable extends Stream {
  private buffered: Uint8Array[] | null = [];
  private ended = false;

  /** Called by Node's stream machinery for more data; PDFKit's documents push on their own. */
  _read(): void {}

  /**
   * Bytes pushed before anyone reads are kept (PDFKit writes the PDF header in its constructor)
   * and go out, in order, as soon as a 'data' listener is added; null ends the stream. 'end' comes
   * on a later microtask, as in Node, so a listener added just after the last push still gets it.
   */
  push(chunk: Uint8Array | null): boolean {
    if (chunk === null) {
      this.ended = true;
      if (!this.buffered) queueMicrotask(() => this.emit('end'));
    } else if (this.buffered) {
      this.buffered.push(chunk);
    } else {
      this.emit('data', chunk);
    }
    return true;
  }

  override on(event: string | symbol, listener: (...args: unknown[]) => void): this {
    super.on(event, listener);
    if (event === 'data' && this.buffered) {
      const buffered = this.buffered;
      this.buffered = null;
      for (const chunk of buffered) this.emit('data', chunk);
      if (this.ended) queueMicrotask(() => this.emit('end'));
    }
    return this;
  }
}

export default { Readable, Stream };
