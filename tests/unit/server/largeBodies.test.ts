// Request bodies cannot starve the server: unauthenticated bodies are small (login: 4 KB), and
// only a few large bodies are read at once, so /api/health keeps answering while twenty 2 MB
// bodies are sent. Runs the real server (one process, as `npm start`) and raw HTTP requests.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONCURRENT_LARGE_BODIES } from '../../../src/server/http/largeBodies';
import { PROTOCOL_VERSION } from '../../../src/shared/constants';
import { type RunningServer, startServer } from '../../e2e/support/server';
import { freshDatabaseUrl } from './support';

const ADMIN_EMAIL = 'admin@terrain.local';
const ADMIN_PASSWORD = 'mot-de-passe-admin';
const TWO_MB = 2 * 1024 * 1024;

let server: RunningServer;
let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
beforeAll(async () => {
  // On PostgreSQL too when TERRAIN_TEST_PG_URL is set (a fresh database for this server).
  database = await freshDatabaseUrl();
  const env: Record<string, string> = { ADMIN_EMAIL, ADMIN_PASSWORD };
  if (database.url) env.DATABASE_URL = database.url;
  server = await startServer({ env });
}, 90_000);
afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * Sends `bytes` of JSON-looking body in 64 KB pieces, `pauseMs` apart, and resolves with the answer
 * (which may come before the whole body was sent). `abort` cuts it.
 */
function sendBody(path: string, bytes: number, pauseMs: number, headers: Record<string, string> = {}) {
  let req: http.ClientRequest;
  const answer = new Promise<Answer>((resolve, reject) => {
    req = http.request(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(bytes), ...headers },
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => {
        body += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    void (async () => {
      const head = Buffer.from('{"email":"a@exemple.test","password":"');
      let sent = 0;
      req.write(head);
      sent += head.length;
      const piece = Buffer.alloc(64 * 1024, 'x');
      while (sent < bytes && !req.destroyed) {
        const size = Math.min(piece.length, bytes - sent);
        if (!req.write(piece.subarray(0, size))) await new Promise((r) => req.once('drain', r));
        sent += size;
        if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
      }
      if (!req.destroyed) req.end();
    })().catch(() => undefined);
  });
  return {
    answer: answer.catch((err: Error): Answer => ({ status: -1, headers: {}, body: err.message })),
    abort: () => req.destroy(),
  };
}

async function timedHealth(): Promise<number> {
  const started = Date.now();
  const res = await fetch(`${server.url}/api/health`);
  expect(res.status).toBe(200);
  return Date.now() - started;
}

describe('large request bodies', () => {
  it('twenty 2 MB login bodies are refused (413) before they are sent, and /api/health answers meanwhile', async () => {
    // Each sends its first 64 KB, then trickles: the answer must come from the announced length,
    // without waiting for (or reading) the rest.
    const bodies = Array.from({ length: 20 }, () => sendBody('/api/auth/login', TWO_MB - 16, 2000));
    expect(await timedHealth()).toBeLessThan(2000);
    const answers = await Promise.all(bodies.map((b) => b.answer));
    for (const b of bodies) b.abort();
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(413));
    expect(JSON.parse(answers[0].body).error.code).toBe('body-too-large');
  }, 60_000);

  it('a login body sent without a length is cut off after 4 KB (413), not read to its end', async () => {
    const req = http.request(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    });
    const answer = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
    });
    req.write(`{"email":"a@exemple.test","password":"${'x'.repeat(8 * 1024)}`);
    // The body never ends: only the cap can answer.
    expect(await answer).toBe(413);
    req.destroy();
  }, 30_000);

  it('while many large bodies are read, more are refused at once with 429 server-busy and Retry-After; health answers', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    // Slow senders: each holds its slot while its 2 MB trickle in.
    const slow = Array.from({ length: 20 }, () => sendBody('/api/sync/push', TWO_MB - 16, 200, auth));
    const busy = await Promise.race([
      Promise.all(slow.map((b) => b.answer)),
      new Promise<null>((r) => setTimeout(() => r(null), 5000)),
    ]);
    expect(busy).toBeNull(); // the first ones are still being read
    expect(await timedHealth()).toBeLessThan(2000);
    // Health and small requests never wait for a slot.
    const pull = await fetch(`${server.url}/api/sync/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, cursors: {} }),
    });
    expect(pull.status).toBe(200);
    for (const b of slow) b.abort();
    const answers = await Promise.all(slow.map((b) => b.answer));
    const refused = answers.filter((a) => a.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(20 - MAX_CONCURRENT_LARGE_BODIES);
    expect(JSON.parse(refused[0].body).error.code).toBe('server-busy');
    expect(Number(refused[0].headers['retry-after'])).toBeGreaterThan(0);
    // Slots are given back: once the slow senders are gone, a large body is read again.
    const again = sendBody('/api/sync/push', 100 * 1024, 0, auth);
    const answer = await again.answer;
    expect(answer.status).toBe(400); // read to the end and found not to be a push (not 429)
  }, 90_000);
});
