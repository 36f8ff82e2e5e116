// Reading and writing the server's copy of synced records (table `records`): one row per record,
// its data and per-field versions as JSON text, its version and its latest change sequence.
import type { Kysely, QueryCreator } from 'kysely';
import type { SyncedTable } from '../../shared/model';
import type { ServerRecord } from '../../shared/protocol';
import type { Database, RecordsTable } from '../db/schema';
import type { FieldMetaMap, StoredState } from './merge';
import { liveNumberOf } from './numbering';

export interface StoredRecord extends StoredState {
  table: SyncedTable;
  id: string;
  missionId: string;
  seq: number;
  /**
   * The device whose push makes this write (set by push only). Never read back from a row: any
   * other write (the server's) leaves it null, so that record goes to every device again.
   */
  writtenBy?: string;
}

/** The columns a pull sends or looks at: not the field versions (merges only), often as large as the data. */
export const PULLED_COLUMNS = ['table_name', 'id', 'mission_id', 'version', 'seq', 'data', 'last_client_id'] as const;
export type PulledRow = Pick<RecordsTable, (typeof PULLED_COLUMNS)[number]>;

export function pulledRecord(row: Omit<PulledRow, 'last_client_id'>): ServerRecord {
  return {
    table: row.table_name as SyncedTable,
    id: row.id,
    missionId: row.mission_id,
    version: Number(row.version),
    seq: Number(row.seq),
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
}

export function fromRow(row: Omit<RecordsTable, 'live_number' | 'last_client_id'>): StoredRecord {
  return { ...pulledRecord(row), meta: JSON.parse(row.field_meta) as FieldMetaMap };
}

export function toServerRecord(record: StoredRecord): ServerRecord {
  return {
    table: record.table,
    id: record.id,
    missionId: record.missionId,
    version: record.version,
    seq: record.seq,
    data: record.data,
  };
}

export async function loadRecord(db: Kysely<Database>, table: string, id: string): Promise<StoredRecord | null> {
  const row = await db
    .selectFrom('records')
    .selectAll()
    .where('table_name', '=', table)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}

export const recordKey = (table: string, id: string) => `${table}/${id}`;

/** The SQL row of a record (its JSON as text, its number in its own column: see numbering.ts). */
export function toRow(record: StoredRecord): RecordsTable {
  return {
    table_name: record.table,
    id: record.id,
    mission_id: record.missionId,
    version: record.version,
    seq: record.seq,
    data: JSON.stringify(record.data),
    field_meta: JSON.stringify(record.meta),
    live_number: liveNumberOf(record.table, record.data),
    last_client_id: record.writtenBy ?? null,
  };
}

/**
 * The statement that writes records, new or not, at once (a push batch's plain writes, see
 * push.ts): an insert that replaces the row of a record already stored. The same SQL on SQLite and
 * PostgreSQL; PostgreSQL may also run it inside a WITH of another statement.
 */
export function upsertRecords(db: QueryCreator<Database>, records: StoredRecord[]) {
  return db
    .insertInto('records')
    .values(records.map(toRow))
    .onConflict((oc) =>
      oc.columns(['table_name', 'id']).doUpdateSet((eb) => ({
        mission_id: eb.ref('excluded.mission_id'),
        version: eb.ref('excluded.version'),
        seq: eb.ref('excluded.seq'),
        data: eb.ref('excluded.data'),
        field_meta: eb.ref('excluded.field_meta'),
        live_number: eb.ref('excluded.live_number'),
        last_client_id: eb.ref('excluded.last_client_id'),
      })),
    );
}

/** Inserts or replaces a record (`isNew` says which: the caller has just read it in the same transaction). */

export async function saveRecord(db: Kysely<Database>, record: StoredRecord, isNew: boolean): Promise<void> {
  const { table_name, id, ...row } = toRow(record);
  if (isNew) {
    await db
      .insertInto('records')
      .values({ table_name, id, ...row })
      .execute();
  } else {
    await db
      .updateTable('records')
      .set(row)
      .where('table_name', '=', record.table)
      .where('id', '=', record.id)
      .execute();
  }
}
