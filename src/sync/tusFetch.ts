// tus-js-client plumbing over `fetch` and Blobs, so a photo upload goes through the same injected
// fetch as the rest of sync: the browser's in the app, the in-process server in Node tests.
import type { HttpRequest, HttpResponse, HttpStack, FileReader as TusFileReader } from 'tus-js-client';
import type { FetchLike } from './http';
import { IdleTimeout } from './idleTimeout';

class FetchResponse implements HttpResponse {
  constructor(
    private readonly response: Response,
    private readonly body: string,
  ) {}
  getStatus() {
    return this.response.status;
  }
  getHeader(name: string) {
    return this.response.headers.get(name) ?? undefined;
  }
  getBody() {
    return this.body;
  }
  getUnderlyingObject() {
    return this.response;
  }
}

class FetchRequest implements HttpRequest {
  private readonly headers: Record<string, string> = {};
  private readonly controller = new AbortController();
  private onProgress: (bytesSent: number) => void = () => {};

  constructor(
    private readonly fetch: FetchLike,
    private readonly method: string,
    private readonly url: string,
    private readonly onSent?: (bytes: number, ms: number) => void,
  ) {}

  getMethod() {
    return this.method;
  }
  getURL() {
    return this.url;
  }
  setHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getHeader(name: string) {
    return this.headers[name];
  }
  setProgressHandler(handler: (bytesSent: number) => void) {
    this.onProgress = handler;
  }
  async send(body?: Blob | null): Promise<HttpResponse> {
    // A chunk has the time to go at the slowest rate sync allows; the answer, the idle limit.
    const timeout = new IdleTimeout(body?.size ?? 0);
    const started = performance.now();
    let response: Response;
    let text: string;
    try {
      response = await this.fetch(this.url, {
        method: this.method,
        headers: this.headers,
        body: body ?? undefined,
        signal: AbortSignal.any([this.controller.signal, timeout.signal]),
      });
      response = timeout.watch(response);
      text = await response.text();
    } finally {
      timeout.stop();
    }
    // fetch reports no upload progress: a chunk counts once the server has answered for it.
    if (body) {
      this.onSent?.(body.size, performance.now() - started);
      this.onProgress(body.size);
    }
    return new FetchResponse(response, text);
  }
  async abort() {
    this.controller.abort();
  }
  getUnderlyingObject() {
    return null;
  }
}

export class FetchHttpStack implements HttpStack {
  /** `onSent`: a request's body of `bytes` was answered `ms` after it started (to measure the link). */
  constructor(
    private readonly fetch: FetchLike,
    private readonly onSent?: (bytes: number, ms: number) => void,
  ) {}
  createRequest(method: string, url: string): HttpRequest {
    return new FetchRequest(this.fetch, method, url, this.onSent);
  }
  getName() {
    return 'FetchHttpStack';
  }
}

/** Reads the photo Blob in slices: one chunk in memory at a time, in Node as in the browser. */
export const blobFileReader: TusFileReader = {
  async openFile(input: Blob) {
    return {
      size: input.size,
      async slice(start: number, end: number) {
        return { value: input.slice(start, end), done: end >= input.size };
      },
      close() {},
    };
  },
};
