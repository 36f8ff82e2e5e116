// At most MAX_CONCURRENT_LARGE_BODIES large request bodies are read (and parsed) at once by this
// process: a burst of big bodies cannot take all the CPU and memory, so small requests (health,
// login, pulls) keep being answered. Over the cap the request is refused at once with
// 429 server-busy and Retry-After; the app's sync retries on its back-off. Small bodies never wait.
import type { Context } from 'hono';
import { ApiError } from '../errors';

/** Bodies announced larger than this (or sent without a length) take a slot. */
export const LARGE_BODY_BYTES = 64 * 1024;
export const MAX_CONCURRENT_LARGE_BODIES = 8;
export const BUSY_RETRY_AFTER_S = 5;

let reading = 0;

function isLarge(c: Context): boolean {
  const length = c.req.header('content-length');
  if (length === undefined) return c.req.raw.body !== null;
  return Number(length) > LARGE_BODY_BYTES;
}

/** Runs `read` (which reads the request body) holding a large-body slot when the body is large. */
export async function withBodySlot<T>(c: Context, read: () => Promise<T>): Promise<T> {
  if (!isLarge(c)) return read();
  if (reading >= MAX_CONCURRENT_LARGE_BODIES) {
    c.header('Retry-After', String(BUSY_RETRY_AFTER_S));
    throw new ApiError(429, 'server-busy', { retryAfterSeconds: BUSY_RETRY_AFTER_S });
  }
  reading += 1;
  try {
    return await read();
  } finally {
    reading -= 1;
  }
}
