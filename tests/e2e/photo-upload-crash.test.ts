// The real server process, killed with SIGKILL at chosen moments while a device sends 50 photos,
// and restarted on the same data folder. Some kills come at a random moment, the others right after
// the last byte of an upload reached the disk (before the server has hashed and stored it). In the
// end every photo is on the server once with the right bytes, at no moment did the device count as
// sent a photo the server did not hold, and no upload is left with all its bytes but never stored
// (a start finishes them). The device is the app's own sync engine in Node (fake-indexeddb),
// talking to the server over HTTP. No browser.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { ulid } from 'ulid';
import { afterAll, describe, expect, it } from 'vitest';
import { recordWrites } from '../../src/db/mutations';
import { createDexieSyncStore } from '../../src/db/repositories/sync';
import { TerrainDB } from '../../src/db/schema';
import { createSyncApi, login } from '../../src/sync/api';
import { runSync } from '../../src/sync/engine';
import type { HttpClient } from '../../src/sync/http';
import { createSyncStatusStore } from '../../src/sync/status';
import { aCommune, aMission, aPhoto, aVisitNote } from '../fixtures/builders';
import { makeDataDir, type RunningServer, startServer } from './support/server';

const ADMIN = { email: 'admin@terrain.local', password: 'mot-de-passe-e2e' };
const env = { ADMIN_PASSWORD: ADMIN.password };
const PHOTOS = 50;
/** Kills in all: about half at a random moment, half just after the last byte of an upload. */
const KILLS = 24;
/** Syncs after the last kill before giving up (each one a full sync). */
const MAX_CALM_ROUNDS = 10;

const running: RunningServer[] = [];
afterAll(async () => {
  for (const server of running) await server.stop('SIGKILL');
});

/** A small deterministic generator (mulberry32): the same photos and kill moments on every run. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bytes that start and end like a JPEG (the server may check the magic bytes), random inside. */
function photoBytes(random: () => number, size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 4) {
    const word = Math.floor(random() * 2 ** 32);
    bytes[i] = word & 0xff;
    bytes[i + 1] = (word >>> 8) & 0xff;
    bytes[i + 2] = (word >>> 16) & 0xff;
    bytes[i + 3] = (word >>> 24) & 0xff;
  }
  bytes.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00], 0);
  bytes.set([0xff, 0xd9], size - 2);
  return bytes;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const storedPath = (dataDir: string, hash: string) => path.join(dataDir, 'photos', hash.slice(0, 2), hash);

/** The device: its own IndexedDB, the app's sync engine, the real server over HTTP. */
function makeDevice(baseUrl: () => string) {
  const db = new TerrainDB(`crash-device-${ulid()}`);
  const store = createDexieSyncStore(db);
  const client: HttpClient = {
    get baseUrl() {
      return baseUrl();
    },
    fetch: (input, init) => fetch(input, init),
    token: async () => (await store.readSession())?.token ?? null,
  };
  const status = createSyncStatusStore();
  return {
    db,
    store,
    writes: recordWrites(db),
    logIn: async () => store.saveSession(await login(client, ADMIN.email, ADMIN.password)),
    sync: () =>
      runSync({
        api: createSyncApi(client),
        store,
        status,
        client,
        makeThumbnail: async (photo) => photo,
        isMetered: () => false,
        uploadRetryDelaysMs: [],
      }),
    markedSent: async () => (await db.photoBlobs.where('uploaded').equals(1).primaryKeys()) as string[],
    pendingCount: () => db.photoBlobs.where('uploaded').equals(0).count(),
  };
}

/**
 * Kills the server as soon as an upload file in DATA_DIR/uploads reaches its full length: the last
 * byte is on disk and the server is about to (or starting to) hash and store it.
 */
function killAfterLastByte(server: RunningServer): { fired: Promise<void>; cancel: () => void } {
  const dir = path.join(server.dataDir, 'uploads');
  fs.mkdirSync(dir, { recursive: true });
  const sizes = new Map<string, number>();
  let resolve: () => void = () => {};
  const fired = new Promise<void>((r) => {
    resolve = r;
  });
  const watcher = fs.watch(dir, (_event, name) => {
    if (!name || name.endsWith('.json')) return;
    try {
      let size = sizes.get(name);
      if (size === undefined) {
        size = (JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as { size: number }).size;
        sizes.set(name, size);
      }
      if (fs.statSync(path.join(dir, name)).size === size) {
        server.process.kill('SIGKILL');
        watcher.close();
        resolve();
      }
    } catch {
      // The upload was just created or just moved away: not the moment.
    }
  });
  return { fired, cancel: () => watcher.close() };
}

/** Uploads whose every byte arrived but that were not stored (yet): ids of `<id>` with its `<id>.json`. */
function completeButUnfinished(dataDir: string): string[] {
  const dir = path.join(dataDir, 'uploads');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).flatMap((name) => {
    if (!name.endsWith('.json')) return [];
    const id = name.slice(0, -'.json'.length);
    try {
      const { size } = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as { size: number };
      return fs.statSync(path.join(dir, id)).size === size ? [id] : [];
    } catch {
      return []; // metadata without its file: not a complete upload
    }
  });
}

/** The hashes the server holds: a blob row AND the file under its hash, with bytes matching. */
function heldByServer(dataDir: string, hashes: string[]): Set<string> {
  const sqlite = new BetterSqlite3(path.join(dataDir, 'terrain.sqlite'));
  try {
    const rows = new Set(
      (sqlite.prepare('SELECT hash FROM photo_blobs').all() as { hash: string }[]).map((r) => r.hash),
    );
    return new Set(
      hashes.filter((hash) => {
        const file = storedPath(dataDir, hash);
        return rows.has(hash) && fs.existsSync(file) && sha256(fs.readFileSync(file)) === hash;
      }),
    );
  } finally {
    sqlite.close();
  }
}

describe('photo uploads through server crashes', () => {
  it('ends with every photo on the server once, and never counts as sent a photo the server lacks', async () => {
    const random = seeded(20261207);
    const dataDir = makeDataDir();
    let server = await startServer({ dataDir, env });
    running.push(server);
    const device = makeDevice(() => server.url);
    await device.logIn();

    // 50 photos from under one chunk (one request) to several chunks, in one mission.
    const mission = await device.writes.insertRecord('missions', aMission({ title: 'Mission photos' }));
    const commune = await device.writes.insertRecord('communes', aCommune(mission.id));
    const note = await device.writes.insertRecord('visitNotes', aVisitNote(mission.id, commune.id));
    const photos = new Map<string, Uint8Array>();
    for (let i = 0; i < PHOTOS; i++) {
      const bytes = photoBytes(random, 100_000 + Math.floor(random() * 1_400_000));
      const hash = sha256(bytes);
      photos.set(hash, bytes);
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' });
      await device.db.photoBlobs.add({ hash, blob, thumb: blob, uploaded: 0 });
      await device.writes.insertRecord('photos', aPhoto(mission.id, note.id, { hash, bytes: bytes.length }));
    }
    const hashes = [...photos.keys()];

    let kills = 0;
    let afterLastByteKills = 0;
    let killsDuringFinishing = 0;
    let calmRounds = 0;
    const seenUnfinished = new Set<string>();
    let notConfirmed = 0;
    const violations: string[] = [];
    while ((await device.pendingCount()) > 0) {
      const syncing = device.sync().then(
        () => 'ok' as const,
        (error: { code?: string }) => {
          if (error.code === 'photo-not-confirmed') notConfirmed += 1;
          return 'failed' as const;
        },
      );
      if (kills >= KILLS) {
        await syncing;
        calmRounds += 1;
        if (calmRounds > MAX_CALM_ROUNDS) break;
        continue;
      }
      const afterLastByte = random() < 0.5;
      const trigger = afterLastByte ? killAfterLastByte(server) : null;
      const moment = trigger?.fired ?? new Promise<void>((r) => setTimeout(r, 20 + random() * 700));
      const first = await Promise.race([syncing, moment.then(() => 'kill' as const)]);
      trigger?.cancel();
      // The sync ended before the moment came: go round again.
      if (first !== 'kill' && !server.process.killed) continue;
      await server.stop('SIGKILL');
      await syncing;
      kills += 1;
      if (afterLastByte) afterLastByteKills += 1;
      // The kill came between an upload's last byte and its storing (an upload left so by an
      // earlier kill, not finished since, does not count again).
      const unfinished = completeButUnfinished(dataDir);
      if (unfinished.some((id) => !seenUnfinished.has(id))) killsDuringFinishing += 1;
      for (const id of unfinished) seenUnfinished.add(id);
      // The device may count as sent only what the server held when it died.
      const held = heldByServer(dataDir, hashes);
      for (const hash of await device.markedSent()) {
        if (!held.has(hash)) violations.push(`kill ${kills}: ${hash.slice(0, 8)} marked sent, not on the server`);
      }
      server = await startServer({ dataDir, env, port: server.port });
      running.push(server);
    }
    console.info(
      `photo crash test: ${kills} kills (${afterLastByteKills} right after a last byte, ` +
        `${killsDuringFinishing} with an upload complete but not yet stored), ${calmRounds} calm syncs, ` +
        `${notConfirmed} syncs where tus said finished but the server did not hold the photo`,
    );

    // A start finishes every upload whose bytes all arrived: none is left complete but unstored.
    await server.stop();
    server = await startServer({ dataDir, env, port: server.port });
    running.push(server);
    for (let waited = 0; completeButUnfinished(dataDir).length > 0 && waited < 30_000; waited += 200) {
      await new Promise((r) => setTimeout(r, 200));
    }
    const leftUnfinished = completeButUnfinished(dataDir);

    expect(violations).toEqual([]);
    expect(await device.pendingCount()).toBe(0);
    expect((await device.markedSent()).sort()).toEqual([...hashes].sort());
    // Every photo comes back from the server with the bytes of its hash.
    const token = (await device.store.readSession())?.token;
    for (const hash of hashes) {
      const res = await fetch(`${server.url}/api/photos/${hash}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(sha256(new Uint8Array(await res.arrayBuffer()))).toBe(hash);
    }
    // Once each: one file per hash in the store and one row per hash.
    await server.stop();
    const files = fs.readdirSync(path.join(dataDir, 'photos'), { recursive: true, withFileTypes: true });
    expect(
      files
        .filter((f) => f.isFile())
        .map((f) => f.name)
        .sort(),
    ).toEqual([...hashes].sort());
    const sqlite = new BetterSqlite3(path.join(dataDir, 'terrain.sqlite'), { readonly: true });
    const rows = sqlite.prepare('SELECT hash FROM photo_blobs').all() as { hash: string }[];
    sqlite.close();
    expect(rows.map((r) => r.hash).sort()).toEqual([...hashes].sort());
    expect(leftUnfinished).toEqual([]);
    // The test actually hit the moment between the last byte and the store.
    expect(killsDuringFinishing).toBeGreaterThan(0);
  }, 360_000);
});
