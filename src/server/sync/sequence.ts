// The change sequence that pulls page by. It is one counter row, incremented inside the writing
// transaction: the row lock serialises writers, so sequence N+1 can never be committed (and seen
// by a pull) before N. Plain PostgreSQL sequences do not give this: they commit out of order.
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';

const COUNTER = 'change_seq';

/**
 * Takes the writers' lock at the start of a push transaction (a no-op update of the counter row):
 * on PostgreSQL it locks the row until commit, on SQLite it takes the database write lock. Every
 * read that follows sees all earlier pushes, so merges never work on a stale record.
 */
export async function lockWriters(trx: Transaction<Database>): Promise<void> {
  await trx
    .updateTable('counters')
    .set((eb) => ({ value: eb.ref('value') }))
    .where('name', '=', COUNTER)
    .execute();
}

export async function nextSeq(trx: Transaction<Database>): Promise<number> {
  const row = await trx
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', COUNTER)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/**
 * Takes the writers' lock and reserves `count` sequence numbers in one step: the counter moves by
 * `count`, and the batch hands out last - count + 1 … last (the answer) in order, then gives back
 * what it did not use (releaseSeqs). A number left unused would only be a gap, which pulls skip.
 */
export async function reserveSeqs(trx: Transaction<Database>, count: number): Promise<number> {
  const row = await trx
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', count) }))
    .where('name', '=', COUNTER)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/**
 * Gives back the reserved numbers after `lastUsed`, unless another number was taken after the
 * block in this transaction (a conflict's, conflicts.ts): the counter then stays, leaving a gap. A
 * batch whose every mutation was refused thus leaves the counter as it found it.
 */
export async function releaseSeqs(trx: Transaction<Database>, reservedLast: number, lastUsed: number): Promise<void> {
  if (lastUsed >= reservedLast) return;
  await trx
    .updateTable('counters')
    .set({ value: lastUsed })
    .where('name', '=', COUNTER)
    .where('value', '=', reservedLast)
    .execute();
}
