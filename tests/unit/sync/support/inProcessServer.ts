// The real server app (src/server/app.ts) on a temporary data folder, called in process: sync
// tests pass its `app.request` as the engine's fetch. Every request is logged so tests can check
// what went over the "wire" (with the answer's body bytes that reached the device), and
// `interceptor` can cut the link for a chosen request, or in the middle of its answer's body (or
// change the server's state just before it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../../../src/server/app';
import { bootstrapAdmin } from '../../../../src/server/auth/bootstrapAdmin';
import { openDatabase } from '../../../../src/server/db/database';
import { migrateToLatest } from '../../../../src/server/db/migrations';
import type { FetchLike } from '../../../../src/sync/http';

export const ADMIN_EMAIL = 'admin@exemple.test';
export const ADMIN_PASSWORD = 'mot-de-passe-admin';
export const BASE_URL = 'http://terrain.test';

export interface LoggedRequest {
  method: string;
  path: string;
  headers: Headers;
  device: string;
  /** Bytes of the answer's body the device received (counted as it reads them). */
  bodyBytes: number;
}

/**
 * `cutBodyAfterBytes`: the answer starts, then the link drops after that many bytes of its body.
 * `deliver-twice`: the request reaches the server twice (a first answer lost, the request sent
 * again on the way); the device sees the second answer.
 */
type Fate = 'pass' | 'drop-request' | 'drop-response' | 'deliver-twice' | { cutBodyAfterBytes: number };

/** The answer's body as the device reads it: counted into `entry`, and cut after `cutAfter` bytes. */
function bodyOverTheWire(response: Response, entry: LoggedRequest, cutAfter: number): Response {
  if (!response.body) return response;
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      const room = cutAfter - entry.bodyBytes;
      const part = value.byteLength > room ? value.subarray(0, room) : value;
      entry.bodyBytes += part.byteLength;
      if (part.byteLength > 0) controller.enqueue(part);
      if (part !== value) {
        await reader.cancel();
        controller.error(new TypeError('network error (link cut in the middle of the answer)'));
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
/** Decides a request's fate; it may first change the server's state (awaited before the request runs). */
export type Interceptor = (request: LoggedRequest) => Fate | Promise<Fate>;

export async function startInProcessServer() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'terrain-sync-'));
  const db = await openDatabase({ dataDir });
  await migrateToLatest(db);
  await bootstrapAdmin(db, { ADMIN_EMAIL, ADMIN_PASSWORD }, () => undefined);
  const distDir = path.join(dataDir, 'dist');
  fs.mkdirSync(distDir);
  const app = createApp({ distDir, version: 'test', db, dataDir });
  const log: LoggedRequest[] = [];
  let interceptor: Interceptor = () => 'pass';

  /** The fetch one device uses: through the log and the interceptor to the in-process app. */
  function fetchFor(device: string): FetchLike {
    return async (input, init) => {
      const url = new URL(input);
      const entry: LoggedRequest = {
        ...{ method: init?.method ?? 'GET', path: url.pathname, headers: new Headers(init?.headers), device },
        bodyBytes: 0,
      };
      log.push(entry);
      const fate = await interceptor(entry);
      if (fate === 'drop-request') throw new TypeError('fetch failed (link cut before the request)');
      if (fate === 'deliver-twice') await (await app.request(url.pathname + url.search, init)).arrayBuffer();
      const response = await app.request(url.pathname + url.search, init);
      if (fate === 'drop-response') throw new TypeError('fetch failed (link cut before the answer)');
      const cutAfter = typeof fate === 'object' ? fate.cutBodyAfterBytes : Number.POSITIVE_INFINITY;
      return bodyOverTheWire(response, entry, cutAfter);
    };
  }

  return {
    app,
    db,
    dataDir,
    log,
    fetchFor,
    intercept(next: Interceptor | null) {
      interceptor = next ?? (() => 'pass');
    },
    async close() {
      await db.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type InProcessServer = Awaited<ReturnType<typeof startInProcessServer>>;
