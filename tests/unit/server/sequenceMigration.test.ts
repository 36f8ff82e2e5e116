// Migration 0008_pg_change_sequence: on PostgreSQL, change numbers go on from the counter row the
// previous server used (a pull cursor a device holds must stay below every new change); SQLite
// keeps numbering from its counter. Runs on both.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../../src/server/db/database';
import { migrateToLatest, migrateUpTo } from '../../../src/server/db/migrations';
import { lockMissions, reserveSeqs } from '../../../src/server/sync/sequence';
import { freshDatabaseUrl } from './support';

let db: Db;
let dataDir: string;
let drop: () => Promise<void>;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'terrain-seq-migration-'));
  const database = await freshDatabaseUrl();
  drop = database.drop;
  db = await openDatabase({ dataDir, databaseUrl: database.url });
});
afterAll(async () => {
  await db.destroy();
  await drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('numbers the next change after the last one the previous server gave', async () => {
  await migrateUpTo(db, '0007_photo_bytes_in_database');
  await db.updateTable('counters').set({ value: 41 }).where('name', '=', 'change_seq').execute();
  await migrateToLatest(db);
  const seqs = await db.transaction().execute(async (trx) => {
    await lockMissions(trx, ['mission-a']);
    return reserveSeqs(trx, 3);
  });
  expect(seqs).toEqual([42, 43, 44]);
});
