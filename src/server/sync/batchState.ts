// What a push batch reads once its missions are locked (sequence.ts): the records it touches and
// the sender's earlier mutation ids among its own, in one statement (a UNION ALL of both tables,
// the same SQL on SQLite and PostgreSQL). On PostgreSQL every round trip made while the lock is
// held makes the mission's next writer wait longer.
import { type Kysely, sql } from 'kysely';
import type { Mutation, User } from '../../shared/protocol';
import type { Database } from '../db/schema';
import { fromRow, recordKey, type StoredRecord } from './records';

export interface AppliedMutation {
  table_name: string;
  record_id: string;
}

export interface BatchState {
  /** This sender's mutations applied before, by mutation id. */
  applied: Map<string, AppliedMutation>;
  /** The records the batch touches as they stand now (null: not on the server), by recordKey. */
  records: Map<string, StoredRecord | null>;
}

export async function loadBatchState(
  db: Kysely<Database>,
  user: User,
  clientId: string,
  mutations: Mutation[],
): Promise<BatchState> {
  const records = new Map<string, StoredRecord | null>(mutations.map((m) => [recordKey(m.table, m.recordId), null]));
  const applied = new Map<string, AppliedMutation>();
  if (mutations.length === 0) return { applied, records };
  const idsByTable = new Map<string, Set<string>>();
  for (const m of mutations) idsByTable.set(m.table, (idsByTable.get(m.table) ?? new Set()).add(m.recordId));

  // A record row, or an applied mutation in the same columns: `owner` is the record's mission, or
  // the mutation's id; the placeholders only give both halves the same shape.
  const recordRows = db
    .selectFrom('records')
    .select([
      sql<'record' | 'applied'>`'record'`.as('kind'),
      'table_name',
      'id',
      'mission_id as owner',
      'version',
      'seq',
      'data',
      'field_meta',
    ])
    .where((eb) =>
      eb.or([...idsByTable].map(([table, ids]) => eb.and([eb('table_name', '=', table), eb('id', 'in', [...ids])]))),
    );
  // This sender's ids: its account and device. Rows from before ids were scoped have no device
  // ('') and count for every device of their account.
  const appliedRows = db
    .selectFrom('applied_mutations')
    .select([
      sql<'record' | 'applied'>`'applied'`.as('kind'),
      'table_name',
      'record_id as id',
      'mutation_id as owner',
      sql<number>`0`.as('version'),
      sql<number>`0`.as('seq'),
      sql<string>`''`.as('data'),
      sql<string>`''`.as('field_meta'),
    ])
    .where('user_id', '=', user.id)
    .where('client_id', 'in', [clientId, ''])
    .where('mutation_id', 'in', [...new Set(mutations.map((m) => m.mutationId))]);

  for (const row of await recordRows.unionAll(appliedRows).execute()) {
    if (row.kind === 'applied') {
      applied.set(row.owner, { table_name: row.table_name, record_id: row.id });
    } else {
      const record = fromRow({ ...row, mission_id: row.owner });
      records.set(recordKey(record.table, record.id), record);
    }
  }
  return { applied, records };
}
