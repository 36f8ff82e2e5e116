// The timeout of one sync request: a failure when nothing moves, never a deadline for slow but
// living links. Until the answer starts, the request has the time to send its body at the slowest
// rate sync allows, plus the idle limit; from then on, each piece of the answer's body re-arms the
// idle limit, so reading a long body on a slow link never times out while bytes keep coming.
import { SYNC_IDLE_TIMEOUT_MS, SYNC_SLOWEST_UPLOAD_BYTES_PER_S } from '../shared/constants';

/** Statuses whose answers have no body (Fetch standard: null body status). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

export class IdleTimeout {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `bodyBytes`: the size of the request's body, sent before any answer can come. */
  constructor(
    bodyBytes = 0,
    private readonly idleMs = SYNC_IDLE_TIMEOUT_MS,
  ) {
    this.arm(idleMs + Math.ceil((bodyBytes / SYNC_SLOWEST_UPLOAD_BYTES_PER_S) * 1000));
  }

  /** Aborts the request (and the reading of its body) once the time runs out. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  private arm(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.controller.abort(new DOMException('No byte for too long', 'TimeoutError')), ms);
  }

  /** Something arrived: the link is alive. */
  touch(): void {
    this.arm(this.idleMs);
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  /**
   * The response with its body watched: each piece re-arms the idle limit (and goes to `onBytes`),
   * the end stops the timer.
   */
  watch(response: Response, onBytes?: (bytes: number) => void): Response {
    this.touch();
    // An answer that can have no body (204, 304…) is passed on as it is: Chromium gives it an empty
    // stream, and a Response built again around a stream with such a status throws.
    if (!response.body || NULL_BODY_STATUSES.has(response.status)) {
      this.stop();
      return response;
    }
    // Failed here too when the time runs out: not every fetch ends a body it was told to abort.
    const signal = this.controller.signal;
    const body = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        start: (controller) => {
          signal.addEventListener('abort', () => controller.error(signal.reason), { once: true });
        },
        transform: (chunk, controller) => {
          this.touch();
          onBytes?.(chunk.byteLength);
          controller.enqueue(chunk);
        },
        flush: () => this.stop(),
      }),
    );
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  }
}

/** The size of a request body as sent (strings counted as UTF-8 at worst 3 bytes a character). */
export function bodySize(body: BodyInit | null | undefined): number {
  if (body == null) return 0;
  if (typeof body === 'string') return body.length * 3;
  if (body instanceof Blob) return body.size;
  if (ArrayBuffer.isView(body) || body instanceof ArrayBuffer) return body.byteLength;
  return 0;
}
