// Migration 0004_mutation_scope on a database written by the previous server: applied mutation ids
// are kept (with no device: they still answer replays of their account) and become unique per
// sender, and the number of every live numbered record lands in `records.live_number`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../../src/server/db/database';
import { migrateToLatest, migrateUpTo } from '../../../src/server/db/migrations';
import { aParticipant, aTdrRevision } from '../../fixtures/builders';
import { freshDatabaseUrl } from './support';

let db: Db;
let dataDir: string;
let drop: () => Promise<void>;

/** The two tables as the previous server wrote them (before 0004). */
interface Before {
  applied_mutations: {
    mutation_id: string;
    user_id: string;
    table_name: string;
    record_id: string;
    version: number;
    applied_at: string;
  };
  records: {
    table_name: string;
    id: string;
    mission_id: string;
    version: number;
    seq: number;
    data: string;
    field_meta: string;
  };
}

const AT = '2024-07-23T10:00:00.000Z';
const participants = [
  aParticipant('m1', { order: 1 }),
  aParticipant('m1', { order: 2, deletedAt: AT }),
  aParticipant('m1', { order: Number.MAX_SAFE_INTEGER }),
];
const revision = aTdrRevision('m1', { number: 3 });

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'terrain-migration-'));
  const database = await freshDatabaseUrl();
  drop = database.drop;
  db = await openDatabase({ dataDir, databaseUrl: database.url });
  await migrateUpTo(db, '0002_mission_departures');
  const old = db as unknown as Kysely<Before>;
  await old
    .insertInto('applied_mutations')
    .values([
      { mutation_id: 'mut-1', user_id: 'u1', table_name: 'participants', record_id: 'r1', version: 1, applied_at: AT },
      { mutation_id: 'mut-2', user_id: 'u2', table_name: 'participants', record_id: 'r2', version: 1, applied_at: AT },
    ])
    .execute();
  const records = [...participants.map((p) => ['participants', p] as const), ['tdrRevisions', revision] as const];
  await old
    .insertInto('records')
    .values(
      records.map(([table, data], i) => ({
        table_name: table,
        id: data.id,
        mission_id: 'm1',
        version: 1,
        seq: i + 1,
        data: JSON.stringify(data),
        field_meta: '{}',
      })),
    )
    .execute();
  await migrateToLatest(db);
});
afterAll(async () => {
  await db.destroy();
  await drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('migration 0004_mutation_scope', () => {
  it('keeps every applied mutation id, with no device, and lets another sender use the same id', async () => {
    const rows = await db.selectFrom('applied_mutations').selectAll().orderBy('mutation_id').execute();
    expect(rows.map((r) => [r.mutation_id, r.user_id, r.client_id])).toEqual([
      ['mut-1', 'u1', ''],
      ['mut-2', 'u2', ''],
    ]);
    const again = { table_name: 'participants', record_id: 'r3', version: 1, applied_at: AT };
    await db
      .insertInto('applied_mutations')
      .values({ mutation_id: 'mut-1', user_id: 'u2', client_id: 'd', ...again })
      .execute();
    await db
      .insertInto('applied_mutations')
      .values({ mutation_id: 'mut-1', user_id: 'u1', client_id: 'd', ...again })
      .execute();
    await expect(
      db
        .insertInto('applied_mutations')
        .values({ mutation_id: 'mut-1', user_id: 'u1', client_id: 'd', ...again })
        .execute(),
    ).rejects.toThrow();
  });

  it('fills live_number for live records with a number in bounds, null otherwise', async () => {
    const rows = await db.selectFrom('records').select(['id', 'live_number']).execute();
    const number = new Map(rows.map((r) => [r.id, r.live_number]));
    expect(participants.map((p) => number.get(p.id))).toEqual([1, null, null]);
    expect(number.get(revision.id)).toBe(3);
  });
});
