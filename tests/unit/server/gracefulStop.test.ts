// SIGTERM, as systemd sends it to stop or upgrade the server: it stops taking new connections, lets
// the pushes and the photo chunk already running finish (up to 10 s: a phone on 2G sends a chunk
// slowly), closes the database and exits. No acknowledged write is lost; a chunk still unfinished at
// the deadline is cut, and after a restart its upload resumes at the offset the server kept (tus HEAD).
import http from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../src/shared/constants';
import type { Mutation, PushResponse } from '../../../src/shared/protocol';
import { makeDataDir, type RunningServer, startServer } from '../../e2e/support/server';
import { aMission, aVisitNote } from '../../fixtures/builders';
import { createMutation } from '../../fixtures/mutations';
import { loginAs, pullEverything, push, remoteApp } from './liveClient';
import { createUpload, headUpload, jpegLike, patchUpload, sha256, TUS } from './photosTus';
import { freshDatabaseUrl } from './support';

const ADMIN = { email: 'admin@exemple.test', password: 'mot-de-passe-admin' };
const running: RunningServer[] = [];
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const server of running) await server.stop('SIGKILL');
  for (const drop of drops) await drop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mission = aMission({ title: 'Mission arrêtée proprement' });
const bigBatch = (b: number): Mutation[] =>
  Array.from({ length: 150 }, (_, i) =>
    createMutation('visitNotes', aVisitNote(mission.id, 'c1', { observations: `Lot ${b}, ${i} ${'x'.repeat(8_000)}` })),
  );

/**
 * A PATCH whose body goes out in `parts` pieces, `everyMs` apart, the first at once (a slow phone);
 * `stallAfter` pieces, it stops sending without closing (a link gone quiet). Resolves with the status,
 * or 0 when the connection broke.
 */
function slowPatch(
  server: RunningServer,
  location: string,
  token: string,
  offset: number,
  body: Buffer,
  options: { parts: number; everyMs: number; stallAfter?: number },
): { firstPartSent: Promise<void>; done: Promise<number> } {
  let firstPartSent: () => void = () => undefined;
  const first = new Promise<void>((r) => {
    firstPartSent = r;
  });
  const done = new Promise<number>((resolve) => {
    const url = location.startsWith('http') ? location : server.url + location;
    const req = http.request(url, {
      method: 'PATCH',
      headers: {
        ...TUS,
        authorization: `Bearer ${token}`,
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
        'content-length': String(body.length),
      },
    });
    req.on('error', () => resolve(0));
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    const size = Math.ceil(body.length / options.parts);
    void (async () => {
      for (let i = 0; i < options.parts; i++) {
        if (options.stallAfter !== undefined && i >= options.stallAfter) return;
        req.write(body.subarray(i * size, (i + 1) * size));
        if (i === 0) firstPartSent();
        if (i < options.parts - 1) await sleep(options.everyMs);
      }
      req.end();
    })();
  });
  return { firstPartSent: first, done };
}

/** A push sent with node:http: `sent` once its whole body is written, `done` with the answer (null if cut). */
function pushRaw(server: RunningServer, token: string, mutations: Mutation[]) {
  const body = JSON.stringify({ protocolVersion: PROTOCOL_VERSION, clientId: 'appareil-test', mutations });
  let markSent: () => void = () => undefined;
  const sent = new Promise<void>((r) => {
    markSent = r;
  });
  const done = new Promise<PushResponse | null>((resolve) => {
    const req = http.request(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
    req.on('error', () => resolve(null));
    req.on('finish', () => markSent());
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => {
        text += d;
      });
      res.on('end', () => resolve(res.statusCode === 200 ? (JSON.parse(text) as PushResponse) : null));
      res.on('error', () => resolve(null));
    });
    req.end(body);
  });
  return { sent, done };
}

async function refusesNewConnections(server: RunningServer): Promise<boolean> {
  try {
    // A new connection each time (no keep-alive pool): does the server still accept one?
    await fetch(`${server.url}/api/health`, { headers: { connection: 'close' }, signal: AbortSignal.timeout(2_000) });
    return false;
  } catch {
    return true;
  }
}

describe('graceful stop (SIGTERM)', () => {
  it('finishes running pushes and a slow chunk, cuts a stalled one at 10 s, loses nothing, and the cut upload resumes', async () => {
    const database = await freshDatabaseUrl();
    drops.push(database.drop);
    const dataDir = makeDataDir();
    const env = {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      DATABASE_URL: database.url ?? '',
      LOG_FORMAT: 'json',
    };
    const server = await startServer({ dataDir, env });
    running.push(server);
    const token = await loginAs(server, ADMIN.email, ADMIN.password);
    const app = remoteApp(server);
    await push(server, token, [createMutation('missions', mission)]);

    // Two photos of 1 MB: one sent slowly (about 7 s for the chunk), one that stalls half-way.
    const photos = [jpegLike(1_000_000), jpegLike(1_000_000)];
    const locations: string[] = [];
    for (const photo of photos) {
      const created = await createUpload(app, photo, { token, missionId: mission.id });
      expect(created.status).toBe(201);
      locations.push(created.headers.get('location') as string);
    }
    const slow = slowPatch(server, locations[0], token, 0, photos[0], { parts: 10, everyMs: 800 });
    const stalled = slowPatch(server, locations[1], token, 0, photos[1], { parts: 10, everyMs: 100, stallAfter: 5 });
    await Promise.all([slow.firstPartSent, stalled.firstPartSent]);

    // Pushes in flight when the signal comes (their bodies have reached the server), answers recorded.
    const acknowledged: string[] = [];
    const inFlight = [1, 2, 3].map((b) => pushRaw(server, token, bigBatch(b)));
    await Promise.all(inFlight.map((p) => p.sent));
    const pushes = inFlight.map((p) =>
      p.done.then((answer) => {
        if (!answer) return 'cut';
        for (const r of answer.results) if (r.status === 'applied') acknowledged.push(r.mutationId);
        return 'answered';
      }),
    );
    const signalledAt = Date.now();
    server.process.kill('SIGTERM');
    // Soon refused (the signal is handled between two pieces of work, on a busy machine a moment later).
    await expect.poll(() => refusesNewConnections(server), { timeout: 5_000, interval: 200 }).toBe(true);

    const exited = new Promise<number>((resolve) => server.process.once('exit', () => resolve(Date.now())));
    expect(await slow.done).toBe(204);
    const stopSeconds = ((await exited) - signalledAt) / 1000;
    console.log(`stop: ${stopSeconds.toFixed(1)} s after SIGTERM (a chunk stalled until the deadline)`);
    console.log(
      server
        .output()
        .split('\n')
        .filter((l) => /"msg":"(signal|stop)/.test(l))
        .join('\n'),
    );
    // 10 s of grace, then the cut, the database closed and the exit: within systemd's TimeoutStopSec
    // (deploy/terrain.service), even on a busy machine.
    expect(stopSeconds).toBeLessThan(20);
    expect({ pushes: await Promise.all(pushes), stalled: await stalled.done }).toEqual({
      pushes: ['answered', 'answered', 'answered'],
      stalled: 0,
    });
    expect(server.process.exitCode).toBe(0);

    const restarted = await startServer({ dataDir, env });
    running.push(restarted);
    const token2 = await loginAs(restarted, ADMIN.email, ADMIN.password);
    const app2 = remoteApp(restarted);
    const stored = await pullEverything(restarted, token2);
    expect(stored.length).toBe(1 + 3 * 150);
    expect(acknowledged.length).toBe(3 * 150);

    // The slow photo was completed before the stop; the stalled one resumes where the server stopped.
    const fetchPhoto = async (photo: Buffer) => {
      const res = await fetch(`${restarted.url}/api/photos/${sha256(photo)}`, {
        headers: { authorization: `Bearer ${token2}` },
      });
      return res.ok ? sha256(Buffer.from(await res.arrayBuffer())) : res.status;
    };
    expect(await fetchPhoto(photos[0])).toBe(sha256(photos[0]));
    const head = await headUpload(app2, locations[1], token2);
    expect(head.status).toBe(200);
    const offset = Number(head.headers.get('upload-offset'));
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThan(photos[1].length);
    const resumed = await patchUpload(app2, locations[1], token2, offset, photos[1].subarray(offset));
    expect(resumed.status).toBe(204);
    expect(await fetchPhoto(photos[1])).toBe(sha256(photos[1]));
    await restarted.stop();
  }, 180_000);
});
