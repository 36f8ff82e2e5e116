// Migration 0003_photo_possession on a database written by the previous server: a mission that
// referenced a stored photo (and so could read it) keeps it; a reference to a photo the server does
// not store gives no possession (its bytes are asked for when the device syncs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../../src/server/db/database';
import { migrateToLatest, migrateUpTo } from '../../../src/server/db/migrations';
import { freshDatabaseUrl } from './support';

let db: Db;
let dataDir: string;
let drop: () => Promise<void>;
const stored = 'a'.repeat(64);
const notStored = 'b'.repeat(64);
const AT = '2024-07-23T10:00:00.000Z';

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'terrain-migration-'));
  const database = await freshDatabaseUrl();
  drop = database.drop;
  db = await openDatabase({ dataDir, databaseUrl: database.url });
  await migrateUpTo(db, '0002_mission_departures');
  await db.insertInto('photo_blobs').values({ hash: stored, bytes: 10, mime: 'image/jpeg', stored_at: AT }).execute();
  await db
    .insertInto('photo_refs')
    .values([
      { hash: stored, mission_id: 'm1' },
      { hash: stored, mission_id: 'm2' },
      { hash: notStored, mission_id: 'm1' },
    ])
    .execute();
  await migrateToLatest(db);
});
afterAll(async () => {
  await db.destroy();
  await drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('migration 0003_photo_possession', () => {
  it('gives each mission that referenced a stored photo its possession, and nothing else', async () => {
    const rows = await db
      .selectFrom('photo_possessions')
      .select(['hash', 'mission_id', 'since'])
      .orderBy('mission_id')
      .execute();
    expect(rows).toEqual([
      { hash: stored, mission_id: 'm1', since: AT },
      { hash: stored, mission_id: 'm2', since: AT },
    ]);
  });
});
