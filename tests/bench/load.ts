// The organisation's load: DEVICES simulated phones (teams of TEAM on a mission each) log in, push
// 20 notes in batches of 5, upload two 200 KB photos (with their records) and pull, many at once,
// against the real server: one process on SQLite, or two processes sharing PostgreSQL (each with
// its own DATA_DIR, as two machines). Reference: ODK Central, ~41 submissions/s from 500 devices.
import fs from 'node:fs';
import { PROTOCOL_VERSION } from '../../src/shared/constants';
import type { Mutation, PullResponse, PushResponse } from '../../src/shared/protocol';
import { createAdminApi } from '../../src/sync/adminApi';
import { ADMIN_ENV, apiClientAs, ADMIN as BENCH_ADMIN } from '../e2e/support/accounts';
import { type RunningServer, startServer } from '../e2e/support/server';
import { aMission, aPhoto, aVisitNote } from '../fixtures/builders';
import { createMutation } from '../fixtures/mutations';
import { jpegLike, sha256, TUS, uploadMetadata } from '../unit/server/photosTus';
import { freshDatabaseUrl } from '../unit/server/support';
import { type Answer, type Call, send } from './leanHttp';
import { type CpuSeconds, countCpu } from './processCpu';

export const DEVICES = Number(process.env.BENCH_DEVICES ?? 500);
const TEAM = 10;
const NOTES_PER_DEVICE = 20;
const NOTES_PER_PUSH = 5;
const PHOTOS_PER_DEVICE = 2;
const PHOTO_BYTES = 200 * 1024;
/** Devices syncing at the same moment (a town's phones finding the network together). */
const AT_ONCE = Number(process.env.BENCH_AT_ONCE ?? 100);
const PASSWORD = 'mot-de-passe-charge';
/** The reference: ODK Central's submissions per second from 500 devices on a 2 GB server. */
export const NOTES_PER_SECOND_REFERENCE = 41;

export interface LoadFigures {
  label: string;
  devices: number;
  seconds: number;
  notesPerSecond: number;
  photosPerSecond: number;
  pushP50Ms: number;
  pushP95Ms: number;
  loginsPerSecond: number;
  errors: number;
  firstError: string | null;
  /** CPU seconds per 1,000 notes, by part (processCpu.ts). */
  cpuPerThousandNotes: CpuSeconds;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

async function inBatches<T>(items: T[], atOnce: number, run: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(atOnce, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await run(items[index], index);
      }
    }),
  );
}

async function call(url: string, init: Call): Promise<Answer> {
  const res = await send(url, init);
  if (res.status >= 400)
    throw new Error(`${init.method ?? 'GET'} ${new URL(url).pathname}: ${res.status} ${res.text()}`);
  return res;
}

const json = (token: string | null, body: unknown): Call => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
});

interface DevicePlan {
  /** Its notes, then its photos' records. */
  pending: Mutation[];
  photos: Array<{ bytes: Buffer; hash: string }>;
}

function devicePlan(missionId: string, d: number): DevicePlan {
  const note = aVisitNote(missionId, `commune-${d}`, { observations: `Visite de l'appareil ${d}` });
  const pending: Mutation[] = [createMutation('visitNotes', note)];
  for (let n = 1; n < NOTES_PER_DEVICE; n++) {
    pending.push(createMutation('visitNotes', aVisitNote(missionId, `commune-${d}`, { observations: `Note ${n}` })));
  }
  const photos = Array.from({ length: PHOTOS_PER_DEVICE }, () => {
    const bytes = jpegLike(PHOTO_BYTES);
    return { bytes, hash: sha256(bytes) };
  });
  for (const photo of photos) {
    pending.push(createMutation('photos', aPhoto(missionId, note.id, { hash: photo.hash, bytes: photo.bytes.length })));
  }
  return { pending, photos };
}

/** `databaseHere`: PostgreSQL runs on this machine, so its CPU time can be read. */
export async function measureLoad(label: string, servers: RunningServer[], databaseHere = false): Promise<LoadFigures> {
  const serverOf = (device: number) => servers[device % servers.length].url;
  const admin = createAdminApi(await apiClientAs(servers[0].url, BENCH_ADMIN.email, BENCH_ADMIN.password));
  const run = Date.now().toString(36);
  const emails = Array.from({ length: DEVICES }, (_, d) => `appareil${d}.${run}@exemple.test`);
  const users: string[] = new Array(DEVICES);
  await inBatches(emails, 8, async (email, d) => {
    users[d] = (await admin.createUser({ email, name: `Appareil ${d}`, role: 'member', password: PASSWORD })).id;
  });

  let errors = 0;
  let firstError: string | null = null;
  const failed = (error: unknown) => {
    errors += 1;
    // fetch's own message is only "fetch failed": its cause says what the connection met.
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    firstError ??= `${error instanceof Error ? error.message : String(error)}${cause}`.slice(0, 200);
  };

  // Logging in (scrypt on the server) is measured apart: a phone does it once, not every sync.
  const tokens: string[] = new Array(DEVICES);
  const loginStarted = performance.now();
  // 20 at a time: all phones come from 127.0.0.1 here, and one address may have at most 100
  // attempts counted at once (auth/loginThrottle.ts: a success gives its attempt back afterwards).
  await inBatches(emails, 20, async (email, d) => {
    try {
      const res = await call(`${serverOf(d)}/api/auth/login`, json(null, { email, password: PASSWORD }));
      tokens[d] = res.json<{ token: string }>().token;
    } catch (error) {
      failed(error);
    }
  });
  const loginSeconds = (performance.now() - loginStarted) / 1000;

  // One mission per team: its first member's phone made it; the others were added by the admin.
  const missions = Array.from({ length: Math.ceil(DEVICES / TEAM) }, (_, t) => aMission({ title: `Mission ${t}` }));
  await inBatches(missions, 8, async (mission, t) => {
    const first = t * TEAM;
    if (!tokens[first]) return; // its login failed: counted above
    await call(
      `${serverOf(first)}/api/sync/push`,
      json(tokens[first], {
        protocolVersion: PROTOCOL_VERSION,
        clientId: `appareil-${first}`,
        mutations: [createMutation('missions', mission)],
      }),
    );
    for (let d = first + 1; d < Math.min(first + TEAM, DEVICES); d++) await admin.addMember(mission.id, users[d]);
  });

  // Each phone's notes, photos and their hashes are made before the clock starts: a phone has
  // them ready when it finds the network, and the load generator's CPU is not what is measured.
  const plans = tokens.map((_, d) => devicePlan(missions[Math.floor(d / TEAM)].id, d));

  const pushMs: number[] = [];
  let notes = 0;
  let photos = 0;
  const cpu = countCpu(
    servers.map((server) => server.process.pid ?? -1),
    databaseHere,
  );
  const started = performance.now();
  await inBatches(tokens, AT_ONCE, async (token, d) => {
    const base = serverOf(d);
    const missionId = missions[Math.floor(d / TEAM)].id;
    const clientId = `appareil-${d}`;
    const plan = plans[d];
    try {
      for (let i = 0; i < plan.pending.length; i += NOTES_PER_PUSH) {
        const pushStarted = performance.now();
        const res = await call(
          `${base}/api/sync/push`,
          json(token, {
            protocolVersion: PROTOCOL_VERSION,
            clientId,
            mutations: plan.pending.slice(i, i + NOTES_PER_PUSH),
          }),
        );
        const { results } = res.json<PushResponse>();
        pushMs.push(performance.now() - pushStarted);
        if (results.some((r) => r.status !== 'applied')) throw new Error(`push: ${JSON.stringify(results[0])}`);
      }
      notes += NOTES_PER_DEVICE;
      for (const photo of plan.photos) {
        const created = await call(`${base}/api/photos/uploads/`, {
          method: 'POST',
          headers: {
            ...TUS,
            authorization: `Bearer ${token}`,
            'upload-length': String(photo.bytes.length),
            'upload-metadata': uploadMetadata(photo.hash, missionId),
            'content-type': 'application/offset+octet-stream',
          },
          body: new Uint8Array(photo.bytes),
        });
        if (Number(created.header('upload-offset')) !== photo.bytes.length) throw new Error('photo: incomplete');
        photos += 1;
      }
      let cursors: Record<string, number> = {};
      for (;;) {
        // As the app does: its own records are not sent back (its push answers carried them).
        const res = await call(
          `${base}/api/sync/pull`,
          json(token, { protocolVersion: PROTOCOL_VERSION, cursors, clientId }),
        );
        const page = res.json<PullResponse>();
        cursors = page.cursors;
        if (!page.hasMore) break;
      }
    } catch (error) {
      failed(error);
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const spent = cpu();
  const perThousand = (value: number | null) => (value === null ? null : (value * 1000) / Math.max(notes, 1));
  return {
    label,
    devices: DEVICES,
    seconds,
    notesPerSecond: notes / seconds,
    photosPerSecond: photos / seconds,
    pushP50Ms: percentile(pushMs, 50),
    pushP95Ms: percentile(pushMs, 95),
    loginsPerSecond: DEVICES / loginSeconds,
    errors,
    firstError,
    cpuPerThousandNotes: {
      servers: perThousand(spent.servers),
      postgres: perThousand(spent.postgres),
      loadGenerator: perThousand(spent.loadGenerator) ?? 0,
    },
  };
}

/** A fresh, empty PostgreSQL database next to `adminUrl`, and how to drop it. */
export async function freshBenchDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { url, drop } = await freshDatabaseUrl(adminUrl);
  return { url: url as string, drop };
}

const isLocal = (url: string) =>
  ['localhost', '127.0.0.1', '[::1]', ''].includes(new URL(url).hostname) || url.includes('%2F');

/**
 * Rounds of the comparison. This machine's speed drifts by a fifth from one minute to the next (the
 * load generator's own CPU per note moves with it), so one SQLite run and one PostgreSQL run minutes
 * apart compare the machine more than the databases: each round runs both back to back, and the
 * medians are reported, with the median of the rounds' PostgreSQL ÷ SQLite ratios.
 */
const ROUNDS = Number(process.env.BENCH_LOAD_ROUNDS ?? 3);

export interface LoadComparison {
  /** Median figures per setup (SQLite, then PostgreSQL when a URL was given). */
  figures: LoadFigures[];
  /** Per round: PostgreSQL's notes/s ÷ SQLite's (empty without PostgreSQL). */
  ratios: number[];
}

/** One process on SQLite, then (when a PostgreSQL URL is given) two processes on PostgreSQL. */
async function measureRound(postgresUrl: string | undefined): Promise<LoadFigures[]> {
  const figures: LoadFigures[] = [];
  const sqlite = await startServer({ env: ADMIN_ENV });
  try {
    figures.push(await measureLoad('1 process, SQLite', [sqlite]));
  } finally {
    await sqlite.stop();
    fs.rmSync(sqlite.dataDir, { recursive: true, force: true });
  }
  if (!postgresUrl) return figures;
  const database = await freshBenchDatabase(postgresUrl);
  const servers: RunningServer[] = [];
  try {
    const env = { ...ADMIN_ENV, DATABASE_URL: database.url };
    servers.push(await startServer({ env }));
    servers.push(await startServer({ env }));
    figures.push(await measureLoad('2 processes, PostgreSQL', servers, isLocal(postgresUrl)));
  } finally {
    for (const server of servers) {
      await server.stop();
      fs.rmSync(server.dataDir, { recursive: true, force: true });
    }
    await database.drop();
  }
  return figures;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const medianOrNull = (values: (number | null)[]) =>
  values.some((v) => v === null) ? null : median(values as number[]);

/** The runs of one setup as one line each: medians, and every error of every run. */
function medianFigures(runs: LoadFigures[]): LoadFigures {
  const of = (pick: (f: LoadFigures) => number) => median(runs.map(pick));
  return {
    label: runs.length > 1 ? `${runs[0].label}, median of ${runs.length}` : runs[0].label,
    devices: runs[0].devices,
    seconds: of((f) => f.seconds),
    notesPerSecond: of((f) => f.notesPerSecond),
    photosPerSecond: of((f) => f.photosPerSecond),
    pushP50Ms: of((f) => f.pushP50Ms),
    pushP95Ms: of((f) => f.pushP95Ms),
    loginsPerSecond: of((f) => f.loginsPerSecond),
    errors: runs.reduce((sum, f) => sum + f.errors, 0),
    firstError: runs.find((f) => f.firstError)?.firstError ?? null,
    cpuPerThousandNotes: {
      servers: medianOrNull(runs.map((f) => f.cpuPerThousandNotes.servers)),
      postgres: medianOrNull(runs.map((f) => f.cpuPerThousandNotes.postgres)),
      loadGenerator: of((f) => f.cpuPerThousandNotes.loadGenerator),
    },
  };
}

export async function measureLoads(postgresUrl: string | undefined, rounds = ROUNDS): Promise<LoadComparison> {
  const runs: LoadFigures[][] = [];
  for (let r = 0; r < rounds; r++) runs.push(await measureRound(postgresUrl));
  const setups = runs[0].length;
  const figures = Array.from({ length: setups }, (_, s) => medianFigures(runs.map((round) => round[s])));
  const ratios = setups > 1 ? runs.map(([sqlite, postgres]) => postgres.notesPerSecond / sqlite.notesPerSecond) : [];
  return { figures, ratios };
}

const cpuLine = (cpu: CpuSeconds) =>
  [cpu.servers, cpu.postgres, cpu.loadGenerator].map((s) => (s === null ? '–' : s.toFixed(1))).join(' / ');

export function loadLines({ figures, ratios }: LoadComparison): [string, string, string, boolean][] {
  const lines = figures.flatMap((f): [string, string, string, boolean][] => [
    [
      `load (${f.label}): ${f.devices} devices, notes/s`,
      f.notesPerSecond.toFixed(0),
      `≥ ${NOTES_PER_SECOND_REFERENCE} (ODK Central)`,
      f.notesPerSecond >= NOTES_PER_SECOND_REFERENCE,
    ],
    [`load (${f.label}): photos/s (200 KB)`, f.photosPerSecond.toFixed(1), 'informative', true],
    [
      `load (${f.label}): push p50 / p95`,
      `${f.pushP50Ms.toFixed(0)} / ${f.pushP95Ms.toFixed(0)} ms`,
      'informative',
      true,
    ],
    [`load (${f.label}): logins/s (scrypt)`, f.loginsPerSecond.toFixed(1), 'informative', true],
    [
      `load (${f.label}): CPU s per 1,000 notes`,
      cpuLine(f.cpuPerThousandNotes),
      'informative (servers, PostgreSQL, load generator)',
      true,
    ],
    [`load (${f.label}): errors`, `${f.errors}${f.firstError ? ` (${f.firstError})` : ''}`, '0', f.errors === 0],
  ]);
  if (ratios.length === 0) return lines;
  const level = median(ratios);
  const each = ratios.length > 1 ? ` (${ratios.map((r) => r.toFixed(2)).join(', ')})` : '';
  lines.push([
    'load: PostgreSQL (2 processes) ÷ SQLite (1 process), notes/s',
    `${level.toFixed(2)}${each}`,
    '≥ 1.00, median of the rounds (issue 14)',
    level >= 1,
  ]);
  return lines;
}
