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
