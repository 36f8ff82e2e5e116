// Opens the server's storage: by default one SQLite file under DATA_DIR (no set-up), or
// PostgreSQL when DATABASE_URL=postgres://… is set (several server processes sharing one database).
// All queries are written dialect-neutral so the same code runs on both.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import { prepareFrequentStatements } from './preparedStatements';
import type { Database } from './schema';

export interface DatabaseOptions {
  dataDir: string;
  databaseUrl?: string;
}

export type Db = Kysely<Database>;

export const SQLITE_FILE = 'terrain.sqlite';

function openSqlite(dataDir: string): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const sqlite = new BetterSqlite3(path.join(dataDir, SQLITE_FILE));
  // WAL: readers never block the writer. synchronous=FULL: an acknowledged push survives a power
  // cut, not only a crash of the process (one fsync per push batch, see sync/push.ts).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

async function openPostgres(url: string): Promise<Db> {
  const pg = await import('pg');
  // Sequence numbers are BIGINT: read them as numbers (they stay far below 2^53).
  pg.default.types.setTypeParser(20, (value: string) => Number(value));
  const pool = new pg.default.Pool({ connectionString: url, max: 10 });
  prepareFrequentStatements(pool);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** PostgreSQL keeps photos in the database (photos/pg/); SQLite keeps them as files in DATA_DIR. */
export function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function openDatabase(options: DatabaseOptions): Promise<Db> {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgres(url);
  if (url) throw new Error(`DATABASE_URL non pris en charge : ${url.split(':')[0]}`);
  return openSqlite(options.dataDir);
}
