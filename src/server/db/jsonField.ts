// One top-level field of a `records.data` JSON text as an SQL text value (null when absent or
// JSON null), for the rare rule that must count records by a field without a column of its own
// (sync/logoLimit.ts). The only dialect-specific SQL of the sync path: SQLite's json_extract and
// PostgreSQL's ->> name the same thing.
import { type RawBuilder, sql } from 'kysely';
import { type Db, isPostgres } from './database';

/** `key` must be a plain field name (letters only): it is written into the SQL as a literal. */
export function recordDataField(db: Db, key: string): RawBuilder<string | null> {
  if (!/^[A-Za-z]+$/.test(key)) throw new Error(`champ JSON invalide : ${key}`);
  return isPostgres(db)
    ? sql<string | null>`(data::jsonb ->> ${sql.lit(key)})`
    : sql<string | null>`json_extract(data, ${sql.lit(`$.${key}`)})`;
}
