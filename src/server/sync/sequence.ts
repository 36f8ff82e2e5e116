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
const PG_SEQUENCE = 'change_seq';

/**
 * Takes the writers' lock of these missions at the start of a transaction that writes their
 * records: every read that follows sees all earlier writes to them, so merges never work on a
 * stale record. Held until commit. PostgreSQL locks them in one order (no deadlock between two
 * batches naming the same missions); a key shared by two missions only makes them wait on each other.
 */
export async function lockMissions(trx: Transaction<Database>, missionIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(missionIds)];
  if (!isPostgres(trx)) {
    await trx
      .updateTable('counters')
      .set((eb) => ({ value: eb.ref('value') }))
      .where('name', '=', COUNTER)
      .execute();
    return;
  }
  if (ids.length === 0) return;
  await sql`
    SELECT pg_advisory_xact_lock(key) FROM (
      SELECT DISTINCT hashtextextended('terrain-mission:' || id, 0) AS key
      FROM unnest(${ids}::text[]) AS id ORDER BY key
    ) AS locks`.execute(trx);
}

/**
 * `count` new sequence numbers, in increasing order, for writes to missions this transaction has
 * locked. On SQLite a contiguous block, the unused end given back by releaseSeqs.
 */
export async function reserveSeqs(trx: Transaction<Database>, count: number): Promise<number[]> {
  if (count <= 0) return [];
  if (isPostgres(trx)) {
    const { rows } = await sql<{ seq: number }>`
      SELECT nextval(${PG_SEQUENCE}::regclass) AS seq FROM generate_series(1, ${count}::int)`.execute(trx);
    return rows.map((row) => Number(row.seq)).sort((a, b) => a - b);
  }
  const row = await trx
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', count) }))
    .where('name', '=', COUNTER)
    .returning('value')
    .executeTakeFirstOrThrow();
  const last = Number(row.value);
  return Array.from({ length: count }, (_, i) => last - count + 1 + i);
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
