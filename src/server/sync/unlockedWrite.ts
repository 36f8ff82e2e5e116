// PostgreSQL: a push batch of plain writes (notes and the like, see push.ts) read and merged
// without any lock, then written in ONE statement that takes its missions' writers' lock, draws
// the sequence numbers, writes the records and remembers the applied mutation ids, and commits on
// its own. The lock is thus held for one statement instead of four round trips, and the batch
// makes two round trips instead of five.
//
// Reading unlocked is safe because the write checks what the merge was based on, on the rows as
// they stand once the lock is held (an ON CONFLICT update sees the latest committed row, whatever
// the statement's snapshot): a stored record must still be at the version the batch read, a new
// one must still be absent. If not, the whole statement fails (terrain_expect_written, migration
// 0009) and nothing of it stays: the caller runs the batch again on the locked path. The same holds
// for a mutation id that another request of the same device applied meanwhile (primary key).
import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { AppliedMutationsTable, PhotoRefsTable } from '../db/schema';
import { type StoredRecord, toRow } from './records';
import { missionsLocked, PG_SEQUENCE } from './sequence';

/** SQLSTATEs after which the batch goes again through the locked path. */
const STALE_READ = 'TRW01';
const UNIQUE_VIOLATION = '23505';

/** A record of this batch changed (or a mutation was applied) since the batch read them. */
export class StaleBatchRead extends Error {
  constructor() {
    super('push : la base a changé depuis la lecture du lot');
    this.name = 'StaleBatchRead';
  }
}

/**
 * Writes the batch's records (each at the version after the one it read, or new), its applied
 * mutation ids and its photo records' references (who may fetch the photo) in one statement. The
 * batch numbered its writes -1, -2, … -`writes` (a record written twice is stored once, as it
 * ended): they get `writes` new sequence numbers, in that order, returned by stand-in. Throws
 * StaleBatchRead when the batch must be applied again under the lock.
 */
export async function writeUnlocked(
  db: Db,
  records: StoredRecord[],
  writes: number,
  applied: AppliedMutationsTable[],
  photoRefs: PhotoRefsTable[],
): Promise<Map<number, number>> {
  const rows = records.map(toRow);
  const slots = rows.map((row) => -row.seq);
  const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((row) => row[key]);
  const appliedColumn = <K extends keyof AppliedMutationsTable>(key: K) => applied.map((row) => row[key]);
  const missionIds = [...new Set(records.map((record) => record.missionId))];
  try {
    const { rows: answer } = await sql<{ seqs: number[] | null }>`
      WITH seqs AS (
        SELECT nextval(${PG_SEQUENCE}::regclass) AS seq FROM generate_series(1, ${writes}::integer)
        WHERE ${missionIds.length > 0 ? missionsLocked(missionIds) : sql`true`}
      ), numbered AS (
        SELECT seq, row_number() OVER (ORDER BY seq) AS slot FROM seqs
      ), input AS (
        SELECT * FROM unnest(
          ${slots}::integer[], ${column('table_name')}::text[], ${column('id')}::text[],
          ${column('mission_id')}::text[], ${column('version')}::integer[], ${column('data')}::text[],
          ${column('field_meta')}::text[], ${column('live_number')}::integer[], ${column('last_client_id')}::text[]
        ) AS r(slot, table_name, id, mission_id, version, data, field_meta, live_number, last_client_id)
      ), written AS (
        INSERT INTO records (table_name, id, mission_id, version, seq, data, field_meta, live_number, last_client_id)
        SELECT table_name, id, mission_id, version, numbered.seq, data, field_meta, live_number, last_client_id
        FROM input JOIN numbered USING (slot)
        ON CONFLICT (table_name, id) DO UPDATE SET
          mission_id = excluded.mission_id, version = excluded.version, seq = excluded.seq,
          data = excluded.data, field_meta = excluded.field_meta, live_number = excluded.live_number,
          last_client_id = excluded.last_client_id
        WHERE records.version = excluded.version - 1
        RETURNING 1
      ), applied AS (
        INSERT INTO applied_mutations (mutation_id, user_id, client_id, table_name, record_id, version, applied_at)
        SELECT * FROM unnest(
          ${appliedColumn('mutation_id')}::text[], ${appliedColumn('user_id')}::text[],
          ${appliedColumn('client_id')}::text[], ${appliedColumn('table_name')}::text[],
          ${appliedColumn('record_id')}::text[], ${appliedColumn('version')}::integer[],
          ${appliedColumn('applied_at')}::text[]
        )
      ), refs AS (
        INSERT INTO photo_refs (hash, mission_id)
        SELECT * FROM unnest(${photoRefs.map((r) => r.hash)}::text[], ${photoRefs.map((r) => r.mission_id)}::text[])
        ON CONFLICT (hash, mission_id) DO NOTHING
      )
      SELECT (SELECT array_agg(seq ORDER BY slot) FROM numbered) AS seqs
      WHERE terrain_expect_written(${rows.length}::integer, (SELECT count(*)::integer FROM written))`.execute(db);
    return new Map((answer[0]?.seqs ?? []).map((seq, i) => [-1 - i, Number(seq)]));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === STALE_READ || code === UNIQUE_VIOLATION) throw new StaleBatchRead();
    throw error;
  }
}
