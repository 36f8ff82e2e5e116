// The sync request timeout is an idle limit: a body that keeps coming slowly, for far longer than
// the limit, is read to its end; a body that stops for longer than the limit fails, even when the
// fetch underneath would wait for ever.
import { describe, expect, it } from 'vitest';
import { IdleTimeout } from '../../../src/sync/idleTimeout';

const IDLE_MS = 150;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A response whose body comes in `pieces` of 1 KB, `gapMs` apart, then (if `stallAfter`) stops. */
function slowResponse(pieces: number, gapMs: number, stall = false): Response {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent === pieces) {
        if (stall) return new Promise(() => undefined); // nothing more, never the end
        return controller.close();
      }
      await wait(gapMs);
      sent += 1;
      controller.enqueue(new Uint8Array(1024));
    },
  });
  return new Response(body, { status: 200 });
}

describe('idle timeout of a sync request', () => {
  it('reads a slow body that takes many times the idle limit, as long as bytes keep coming', async () => {
    const timeout = new IdleTimeout(0, IDLE_MS);
    let counted = 0;
    const response = timeout.watch(slowResponse(12, IDLE_MS / 3), (n) => {
      counted += n;
    });
    const started = Date.now();
    const bytes = await response.arrayBuffer();
    expect(bytes.byteLength).toBe(12 * 1024);
    expect(counted).toBe(12 * 1024);
    expect(Date.now() - started).toBeGreaterThan(2 * IDLE_MS);
    expect(timeout.signal.aborted).toBe(false);
  });

  it('fails the reading of a body that stops, and aborts the request', async () => {
    const timeout = new IdleTimeout(0, IDLE_MS);
    const response = timeout.watch(slowResponse(2, 10, true));
    await expect(response.arrayBuffer()).rejects.toThrow();
    expect(timeout.signal.aborted).toBe(true);
  });

  it('gives a request the time to send its body before the answer can start', async () => {
    const timeout = new IdleTimeout(3_000, IDLE_MS); // 3 KB at the slowest rate: about half a second more
    await wait(IDLE_MS * 2);
    expect(timeout.signal.aborted).toBe(false);
    timeout.stop();
  });

  it('passes on an answer that may have no body (204) as it is, as Chromium gives it an empty stream', async () => {
    // Node gives a 204 a null body; Chromium an empty stream, and a Response built again around a
    // stream with status 204 throws. This is the answer of a password change or an admin action.
    const chromiumLike = {
      ok: true,
      status: 204,
      statusText: 'No Content',
      headers: new Headers(),
      body: new ReadableStream<Uint8Array>({ start: (controller) => controller.close() }),
    } as unknown as Response;
    const timeout = new IdleTimeout(0, IDLE_MS);
    const response = timeout.watch(chromiumLike);
    expect(response.status).toBe(204);
    expect(response.ok).toBe(true);
    await wait(2 * IDLE_MS);
    expect(timeout.signal.aborted).toBe(false);
  });
});
