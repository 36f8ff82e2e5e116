// The real server process, killed with SIGKILL while big pushes are in flight and restarted on the
// same data folder: every acknowledged change is still there, and replaying every batch (as the
// app does with its outbox) leaves each record exactly once. No browser: this is about the server.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/shared/constants';
import type { Mutation, PullResponse, PushResponse, ServerRecord } from '../../src/shared/protocol';
import { aMission, aVisitNote } from '../fixtures/builders';
import { createMutation } from '../fixtures/mutations';
import { makeDataDir, type RunningServer, startServer } from './support/server';

const ADMIN = { email: 'admin@terrain.local', password: 'mot-de-passe-e2e' };
const env = { ADMIN_PASSWORD: ADMIN.password };
const running: RunningServer[] = [];
afterAll(async () => {
  for (const server of running) await server.stop('SIGKILL');
});

const mission = aMission({ title: 'Mission de démonstration', status: 'terrain' });

const note = (i: number) =>
  aVisitNote(mission.id, 'commune-fictive', {
    peopleMet: `Personnes rencontrées ${i}`,
    // Big enough that a batch takes a while to send and write (about 1.5 MB per push).
    observations: `Observation ${i} ${'x'.repeat(8_000)}`,
  });

const batches: Mutation[][] = [[createMutation('missions', mission)]];
for (let b = 0; b < 6; b++)
  batches.push(Array.from({ length: 180 }, (_, i) => createMutation('visitNotes', note(b * 180 + i))));
const totalRecords = 1 + 6 * 180;

async function api<T>(server: RunningServer, url: string, token: string | null, body: unknown): Promise<T> {
  const res = await fetch(server.url + url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const login = async (server: RunningServer) =>
  (await api<{ token: string }>(server, '/api/auth/login', null, ADMIN)).token;
const push = (server: RunningServer, token: string, mutations: Mutation[]) =>
  api<PushResponse>(server, '/api/sync/push', token, {
    protocolVersion: PROTOCOL_VERSION,
    clientId: 'phone-e2e',
    mutations,
  });

/** Starts a push whose answer may never come; resolves when the answer arrives or the link breaks. */
function pushInFlight(server: RunningServer, token: string, mutations: Mutation[]): Promise<void> {
  const body = JSON.stringify({ protocolVersion: PROTOCOL_VERSION, clientId: 'phone-e2e', mutations });
  return new Promise((resolve) => {
    const req = http.request(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
    req.on('error', () => resolve());
    req.on('response', (res) =>
      res
        .resume()
        .on('end', resolve)
        .on('error', () => resolve()),
    );
    req.end(body);
  });
}

/** Resolves when the SQLite write-ahead log changes: a push transaction has just committed. */
async function nextCommit(dataDir: string, done: Promise<unknown>): Promise<void> {
  const wal = path.join(dataDir, 'terrain.sqlite-wal');
  const before = fs.statSync(wal).mtimeMs;
  let finished = false;
  void done.then(() => {
    finished = true;
  });
  while (!finished && fs.statSync(wal).mtimeMs === before) await new Promise((r) => setTimeout(r, 5));
}

async function pullEverything(server: RunningServer, token: string): Promise<ServerRecord[]> {
  const all: ServerRecord[] = [];
  let cursors: Record<string, number> = {};
  for (;;) {
    const page = await api<PullResponse>(server, '/api/sync/pull', token, {
      protocolVersion: PROTOCOL_VERSION,
      cursors,
    });
    all.push(...page.changes);
    cursors = page.cursors;
    if (!page.hasMore) return all;
  }
}

describe('server killed mid-sync', () => {
  it('loses nothing acknowledged and doubles nothing after a SIGKILL and a restart', async () => {
    const dataDir = makeDataDir();
    const first = await startServer({ dataDir, env });
    running.push(first);
    const token = await login(first);
    for (const batch of batches.slice(0, 3)) {
      expect((await push(first, token, batch)).results.every((r) => r.status === 'applied')).toBe(true);
    }
    // Big pushes at once; the process is killed as soon as the first of them commits, while the
    // others are being read, merged or written (and its own answer may not have left yet).
    const inFlight = Promise.all(batches.slice(3).map((batch) => pushInFlight(first, token, batch)));
    await nextCommit(dataDir, inFlight);
    await first.stop('SIGKILL');

    const second = await startServer({ dataDir, env });
    running.push(second);
    // The session survives the restart: the app keeps working with the token it has.
    const acknowledged = await pullEverything(second, token);
    const ids = new Set(acknowledged.map((r) => r.id));
    for (const batch of batches.slice(0, 3)) for (const m of batch) expect(ids.has(m.recordId)).toBe(true);

    // The app replays its whole outbox: acknowledged batches are duplicates, the rest applies once.
    for (const [i, batch] of batches.entries()) {
      const { results } = await push(second, token, batch);
      const statuses = new Set(results.map((r) => r.status));
      if (i < 3) expect(statuses).toEqual(new Set(['duplicate']));
      else expect(['applied', 'duplicate']).toEqual(expect.arrayContaining([...statuses]));
    }

    const records = await pullEverything(second, token);
    expect(records).toHaveLength(totalRecords);
    expect(new Set(records.map((r) => r.id)).size).toBe(totalRecords);
    expect(records.every((r) => r.version === 1)).toBe(true);
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const m of batches.flat()) expect(byId.get(m.recordId)?.data).toEqual(m.changes);

    await second.stop();
    const sqlite = new BetterSqlite3(path.join(dataDir, 'terrain.sqlite'), { readonly: true });
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const applied = sqlite.prepare('SELECT COUNT(*) AS n FROM applied_mutations').get() as { n: number };
    expect(applied.n).toBe(totalRecords);
    sqlite.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
