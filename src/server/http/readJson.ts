// Reads a JSON request body safely: size capped before and after gzip decompression, large bodies
// read a few at a time (largeBodies.ts), malformed JSON and schema mismatches turned into named
// 4xx errors (never a 500, never a partial write).
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { Context } from 'hono';
import type { z } from 'zod';
import { REQUEST_MAX_BYTES } from '../../shared/constants';
import { ApiError } from '../errors';
import { withBodySlot } from './largeBodies';

const gunzipAsync = promisify(gunzip);

async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let part: ReadableStreamReadResult<Uint8Array>;
    try {
      part = await reader.read();
    } catch {
      throw new ApiError(400, 'invalid-body', { reason: 'body-read-failed' });
    }
    if (part.done) break;
    total += part.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ApiError(413, 'body-too-large');
    }
    chunks.push(part.value);
  }
  return Buffer.concat(chunks);
}

async function decode(raw: Buffer, encoding: string | undefined, maxBytes: number): Promise<Buffer> {
  const name = (encoding ?? 'identity').trim().toLowerCase();
  if (name === 'identity' || name === '') return raw;
  if (name !== 'gzip') throw new ApiError(415, 'invalid-body', { reason: 'unsupported-encoding', encoding: name });
  try {
    // maxOutputLength stops a small "zip bomb" from filling memory.
    return await gunzipAsync(raw, { maxOutputLength: maxBytes });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ApiError(413, 'body-too-large');
    throw new ApiError(400, 'invalid-body', { reason: 'bad-gzip' });
  }
}

/** The request body as parsed JSON (unknown shape), at most `maxBytes` once decompressed. */
export async function readJsonValue(c: Context, maxBytes = REQUEST_MAX_BYTES): Promise<unknown> {
  const length = c.req.header('content-length');
  if (length !== undefined && Number(length) > maxBytes) throw new ApiError(413, 'body-too-large');
  return withBodySlot(c, async () => {
    const raw = await readCapped(c.req.raw.body, maxBytes);
    const text = (await decode(raw, c.req.header('content-encoding'), maxBytes)).toString('utf8');
    let value: unknown;
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      throw new ApiError(400, 'invalid-body', { reason: 'malformed-json' });
    }
    // A "__proto__" key is never data: schemas would silently drop it (and copying it elsewhere
    // could replace a prototype). Only bodies whose text holds it are walked.
    if (text.includes('"__proto__"') && hasProtoKey(value)) {
      throw new ApiError(400, 'invalid-body', { reason: 'forbidden-key' });
    }
    return value;
  });
}

/** Whether any object in `value` has an own "__proto__" key (walked without recursion). */
function hasProtoKey(value: unknown): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === null || typeof item !== 'object') continue;
    if (Object.hasOwn(item, '__proto__')) return true;
    for (const child of Object.values(item)) stack.push(child);
  }
  return false;
}

/** Validates a value against a schema; a mismatch becomes 400 invalid-body with the first issues. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 20)
    .map((issue) => ({ path: issue.path.map(String).join('.'), code: issue.code, message: issue.message }));
  throw new ApiError(400, 'invalid-body', { issues });
}

export async function readJson<S extends z.ZodType>(
  c: Context,
  schema: S,
  maxBytes = REQUEST_MAX_BYTES,
): Promise<z.output<S>> {
  return parseWith(schema, await readJsonValue(c, maxBytes));
}
