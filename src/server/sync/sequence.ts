// The change sequence that pulls page by. A pull keeps one cursor per mission and moves it past
// what it saw, so within one mission a change must never become visible after a larger `seq`.
// Writers of a mission are serialised by that mission's lock (lockMissions) and take their numbers
// while they hold it, from a counter that only grows: within a mission, `seq`s commit in order.
// Across missions they need not, so pushes to different missions run side by side.
//
// - SQLite has one writer at a time: the counter row, whose update takes the database write lock.
// - PostgreSQL: a transaction-scoped advisory lock per mission, and a SEQUENCE (numbers that commit
//   out of order across missions, which the per-mission lock makes harmless; a refused batch leaves
//   a gap, which pulls skip).
import { sql, type Transaction } from 'kysely';
import { isPostgres } from '../db/database';
import type { Database } from '../db/schema';

const COUNTER = 'change_seq';
/** The PostgreSQL sequence (migration 0008), named like the SQLite counter row it replaces there. */
export const PG_SEQUENCE = 'change_seq';

/**
 * Takes the writers' lock of these missions at the start of a transaction that writes their
 * records, and `count` new sequence numbers (increasing), in one statement: every read that follows
 * sees all earlier writes to these missions, so merges never work on a stale record. Held until
 * commit. On SQLite the numbers are a contiguous block, whose unused end releaseSeqs gives back.
 */
export async function lockMissions(
  trx: Transaction<Database>,
  missionIds: Iterable<string>,
  count = 0,
): Promise<number[]> {
  if (!isPostgres(trx)) {
    const row = await trx
      .updateTable('counters')
      .set((eb) => ({ value: eb('value', '+', count) }))
      .where('name', '=', COUNTER)
      .returning('value')
      .executeTakeFirstOrThrow();
    const last = Number(row.value);
    return Array.from({ length: count }, (_, i) => last - count + 1 + i);
  }
  const ids = [...new Set(missionIds)];
  const locked = ids.length === 0 ? sql<boolean>`true` : missionsLocked(ids);
  if (count <= 0) {
    if (ids.length > 0) await sql`SELECT ${locked}`.execute(trx);
    return [];
  }
  const { rows } = await sql<{ seq: number }>`
    SELECT nextval(${PG_SEQUENCE}::regclass) AS seq FROM generate_series(1, ${count}::int) WHERE ${locked}`.execute(
    trx,
  );
  return rows.map((row) => Number(row.seq)).sort((a, b) => a - b);
}

/**
 * A condition that takes the writers' lock of these missions (PostgreSQL, held until the
 * transaction ends) and is true. The locks go in one order (no deadlock between two batches naming
 * the same missions; a key shared by two missions only makes them wait on each other). As a
 * one-time filter (it reads nothing of its statement's rows), PostgreSQL evaluates it before the
 * first row, so before any number is drawn or row written in that statement.
 */
export function missionsLocked(missionIds: string[]) {
  return sql<boolean>`(
    SELECT count(pg_advisory_xact_lock(key)) FROM (
      SELECT DISTINCT hashtextextended('terrain-mission:' || id, 0) AS key
      FROM unnest(${missionIds}::text[]) AS id ORDER BY key
    ) AS keys) >= 0`;
}

/** `count` new sequence numbers for writes to missions this transaction has already locked. */
export function reserveSeqs(trx: Transaction<Database>, count: number): Promise<number[]> {
  return lockMissions(trx, [], count);
}

export async function nextSeq(trx: Transaction<Database>): Promise<number> {
  const [seq] = await reserveSeqs(trx, 1);
  return seq;
}

/**
 * SQLite: gives back the reserved numbers after the first `used`, unless another number was taken
 * after the block in this transaction (a conflict's, conflicts.ts): the counter then stays, leaving
 * a gap. A batch whose every mutation was refused thus leaves the counter as it found it.
 * PostgreSQL cannot give numbers back: they are gaps.
 */
export async function releaseSeqs(trx: Transaction<Database>, reserved: number[], used: number): Promise<void> {
  if (isPostgres(trx) || used >= reserved.length) return;
  await trx
    .updateTable('counters')
    .set({ value: reserved[0] - 1 + used })
    .where('name', '=', COUNTER)
    .where('value', '=', reserved[reserved.length - 1])
    .execute();
}
