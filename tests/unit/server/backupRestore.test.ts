// npm run backup while the real server takes a stream of pushes and photo uploads, then npm run
// restore into a new empty folder and a new server on it: every push and photo acknowledged before
// the backup started is there (photos with their hash). Those acknowledged during the backup may or
// may not be: the snapshot point is the SQLite online backup's copy. A corrupt or truncated archive,
// and a non-empty DATA_DIR, are refused with a French message and nothing is written.
// On PostgreSQL, photos are in the database: `npm run backup` writes its pg_dump, and the last test
// (server-pg project) restores it with pg_restore for a new machine that serves every photo.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../../src/shared/protocol';
import { runScript } from '../../e2e/support/scripts';
import { makeDataDir, type RunningServer, startServer } from '../../e2e/support/server';
import { aMission, aVisitNote } from '../../fixtures/builders';
import { createMutation } from '../../fixtures/mutations';
import { loginAs, pullEverything, push, remoteApp } from './liveClient';
import { jpegLike, sha256, uploadWhole } from './photosTus';
import { freshDatabaseUrl } from './support';

const ADMIN = { email: 'admin@exemple.test', password: 'mot-de-passe-admin' };
const env = { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password };
const running: RunningServer[] = [];
afterAll(async () => {
  for (const server of running) await server.stop('SIGKILL');
});

const mission = aMission({ title: 'Mission sauvegardée', status: 'terrain' });
const noteBatch = (batch: number, size = 40): Mutation[] =>
  Array.from({ length: size }, (_, i) =>
    createMutation(
      'visitNotes',
      aVisitNote(mission.id, 'commune-fictive', { observations: `Lot ${batch}, note ${i} ${'o'.repeat(2_000)}` }),
    ),
  );

const tmpFile = (name: string) => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'terrain-sauvegarde-')), name);

/** A fresh folder path that does not exist yet (restore creates it). */
const newDataDir = () => path.join(makeDataDir(), 'donnees');

describe.skipIf(Boolean(process.env.TERRAIN_TEST_PG_URL))('npm run backup and npm run restore (SQLite)', () => {
  let archive = '';

  it('back up during a stream of pushes and uploads; the restored server has everything acknowledged before', async () => {
    const server = await startServer({ env });
    running.push(server);
    const token = await loginAs(server, ADMIN.email, ADMIN.password);
    const app = remoteApp(server);
    await push(server, token, [createMutation('missions', mission)]);

    // Acknowledged writes, each with the time its answer came.
    const acknowledgedNotes: { id: string; at: number }[] = [];
    const acknowledgedPhotos: { hash: string; at: number }[] = [];
    let batch = 0;
    const pushOne = async () => {
      const mutations = noteBatch(batch++);
      const { results } = await push(server, token, mutations);
      const at = Date.now();
      for (const r of results) expect(r.status).toBe('applied');
      for (const m of mutations) acknowledgedNotes.push({ id: m.recordId, at });
    };
    const uploadOne = async () => {
      const photo = jpegLike(150_000 + Math.floor(Math.random() * 100_000));
      const res = await uploadWhole(app, photo, { token, missionId: mission.id });
      expect(res.status).toBe(204);
      acknowledgedPhotos.push({ hash: sha256(photo), at: Date.now() });
    };
    for (let i = 0; i < 5; i++) await pushOne();
    for (let i = 0; i < 8; i++) await uploadOne();

    // The stream goes on while the backup runs, and a little after.
    let streaming = true;
    const stream = (async () => {
      while (streaming) {
        await pushOne();
        await uploadOne();
      }
    })();
    archive = tmpFile('terrain.tar.gz');
    const backupStartedAt = Date.now();
    const backup = await runScript('backup', [archive], { DATA_DIR: server.dataDir, DATABASE_URL: '' });
    const backupSeconds = (Date.now() - backupStartedAt) / 1000;
    streaming = false;
    await stream;
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^Sauvegarde écrite : .* \(\d+\.\d Mo, \d+ photo\(s\), \d+\.\d s\)\.$/m);
    console.log(
      `backup: ${(fs.statSync(archive).size / 1024 / 1024).toFixed(1)} MB in ${backupSeconds.toFixed(1)} s (process included), ` +
        `${acknowledgedNotes.length} notes and ${acknowledgedPhotos.length} photos acknowledged in all; ${backup.stdout.trim()}`,
    );
    const before = <T extends { at: number }>(list: T[]) => list.filter((w) => w.at < backupStartedAt);
    expect(before(acknowledgedNotes).length).toBe(5 * 40);
    await server.stop();

    const restoredDir = newDataDir();
    const restore = await runScript('restore', [archive], { DATA_DIR: restoredDir });
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toContain('chaque fichier vérifié (SHA-256)');

    const restored = await startServer({ dataDir: restoredDir, env });
    running.push(restored);
    const token2 = await loginAs(restored, ADMIN.email, ADMIN.password);
    const records = new Set((await pullEverything(restored, token2)).map((r) => r.id));
    expect(records.has(mission.id)).toBe(true);
    const lostNotes = before(acknowledgedNotes).filter((n) => !records.has(n.id));
    expect(lostNotes).toEqual([]);
    for (const { hash } of before(acknowledgedPhotos)) {
      const res = await fetch(`${restored.url}/api/photos/${hash}`, { headers: { authorization: `Bearer ${token2}` } });
      expect(res.status, hash).toBe(200);
      expect(
        createHash('sha256')
          .update(Buffer.from(await res.arrayBuffer()))
          .digest('hex'),
      ).toBe(hash);
    }
    // The restored server takes pushes again.
    const { results } = await push(restored, token2, noteBatch(999, 2));
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    await restored.stop();
  }, 300_000);

  it('refuses a corrupt or truncated archive and a non-empty DATA_DIR, writing nothing', async () => {
    expect(archive).not.toBe('');
    const bytes = fs.readFileSync(archive);

    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length / 2)] ^= 0x01;
    const corrupt = tmpFile('abimee.tar.gz');
    fs.writeFileSync(corrupt, flipped);
    const truncated = tmpFile('tronquee.tar.gz');
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.7)));

    for (const bad of [corrupt, truncated]) {
      const target = newDataDir();
      const result = await runScript('restore', [bad], { DATA_DIR: target });
      expect(result.code, result.stdout).toBe(1);
      expect(result.stderr).toMatch(/^Archive refusée : |^Fichier abîmé : /);
      expect(fs.existsSync(target)).toBe(false);
      expect(fs.readdirSync(path.dirname(target))).toEqual([]);
    }

    const busy = makeDataDir();
    fs.writeFileSync(path.join(busy, 'terrain.sqlite'), 'données existantes');
    const refused = await runScript('restore', [archive], { DATA_DIR: busy });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("n'est pas vide");
    expect(fs.readFileSync(path.join(busy, 'terrain.sqlite'), 'utf8')).toBe('données existantes');
  }, 120_000);
});

describe.runIf(Boolean(process.env.TERRAIN_TEST_PG_URL))('npm run backup on PostgreSQL (pg_dump)', () => {
  it('dumps the database with its photos: restored with pg_restore, a new machine serves them', async () => {
    const database = await freshDatabaseUrl();
    const restored = await freshDatabaseUrl();
    try {
      const pgEnv = { ...env, DATABASE_URL: database.url ?? '' };
      const server = await startServer({ env: pgEnv });
      running.push(server);
      const token = await loginAs(server, ADMIN.email, ADMIN.password);
      await push(server, token, [createMutation('missions', mission)]);
      const photos = [jpegLike(120_000), jpegLike(1_300_000)];
      for (const photo of photos) {
        expect((await uploadWhole(remoteApp(server), photo, { token, missionId: mission.id })).status).toBe(204);
      }
      const dump = tmpFile('terrain.pgdump');
      const backup = await runScript('backup', [dump], { DATA_DIR: server.dataDir, DATABASE_URL: pgEnv.DATABASE_URL });
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toContain('2 photo(s)');
      expect(backup.stdout).toContain('pg_restore');
      await server.stop();

      // `npm run restore` is for SQLite archives: it says what to do with a dump, and writes nothing.
      const refusedDir = newDataDir();
      const refused = await runScript('restore', [dump], { DATA_DIR: refusedDir });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('pg_restore');
      expect(fs.existsSync(refusedDir)).toBe(false);

      const pgRestore = spawnSync('pg_restore', ['--no-owner', `--dbname=${restored.url}`, dump], { encoding: 'utf8' });
      expect(pgRestore.status, pgRestore.stderr).toBe(0);
      // Another machine: the restored database, an empty data folder.
      const elsewhere = await startServer({ env: { ...env, DATABASE_URL: restored.url ?? '' } });
      running.push(elsewhere);
      const again = await loginAs(elsewhere, ADMIN.email, ADMIN.password);
      const pulled = await pullEverything(elsewhere, again);
      expect(pulled.map((change) => change.id)).toContain(mission.id);
      for (const photo of photos) {
        const hash = sha256(photo);
        const res = await fetch(`${elsewhere.url}/api/photos/${hash}`, {
          headers: { authorization: `Bearer ${again}` },
        });
        expect(res.status).toBe(200);
        expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(hash);
      }
      await elsewhere.stop();
    } finally {
      await database.drop();
      await restored.drop();
    }
  }, 180_000);
});
