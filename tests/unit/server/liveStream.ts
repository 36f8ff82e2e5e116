// Reads a live stream (GET /api/events) in a test: every frame as it arrives, kept in order, so a test
// can wait for the next one of a kind or check what a listener was told so far.
import { parseEventFrames } from '../../../src/sync/eventStream';

export interface Frame {
  event?: string;
  data?: unknown;
  comment?: string;
}

export interface LiveStream {
  /** The next frame of this kind not returned yet; fails after `timeoutMs`. */
  next(kind: 'ready' | 'change' | 'comment', timeoutMs?: number): Promise<Frame>;
  /** Data of every `change` event so far. */
  changes(): unknown[];
  /** Everything received, as text. */
  raw(): string;
  /** Resolves once the server ended the stream; fails after `timeoutMs`. */
  ended(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export function openStream(res: Response): LiveStream {
  if (!res.body) throw new Error('no body');
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const frames: Frame[] = [];
  const taken = new Set<Frame>();
  let text = '';
  let pending = '';
  let done = false;
  let wake: () => void = () => undefined;
  const reading = (async () => {
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        const chunk = decoder.decode(value, { stream: true });
        text += chunk;
        const parsed = parseEventFrames(pending + chunk);
        pending = parsed.rest;
        for (const frame of parsed.frames) {
          frames.push(
            frame.comment !== undefined
              ? { comment: frame.comment }
              : { event: frame.event, data: frame.data ? JSON.parse(frame.data) : undefined },
          );
        }
        wake();
      }
    } catch {
      // cancelled
    }
    done = true;
    wake();
  })();

  const kindOf = (f: Frame) => (f.comment !== undefined ? 'comment' : f.event);

  async function waitFor<T>(find: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`${what} not received within ${timeoutMs} ms; got: ${text}`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 100);
      });
    }
  }

  return {
    next: (kind, timeoutMs = 10_000) =>
      waitFor(
        () => {
          const frame = frames.find((f) => !taken.has(f) && kindOf(f) === kind);
          if (frame) taken.add(frame);
          return frame;
        },
        kind,
        timeoutMs,
      ),
    changes: () => frames.filter((f) => f.event === 'change').map((f) => f.data),
    raw: () => text,
    ended: (timeoutMs = 10_000) => waitFor(() => (done ? true : undefined), 'end of stream', timeoutMs).then(() => {}),
    async close() {
      await reader.cancel().catch(() => undefined);
      await reading;
    },
  };
}
