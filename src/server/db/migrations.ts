// Schema migrations, kept in code and run at start (Kysely Migrator). Only portable column types
// and statements: the same migrations build the SQLite file and a PostgreSQL database. Never edit
// a shipped migration; add the next one.
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { type Db, isPostgres } from './database';
import type { Database } from './schema';

/**
 * 0004: copies the number of every live numbered record into `records.live_number`, a page at a
 * time. Frozen with its migration: the fields and the bound are those of that day.
 */
async function fillLiveNumbers(db: Kysely<Database>): Promise<void> {
  const fields: Record<string, string> = { tdrRevisions: 'number', actionPoints: 'number', participants: 'order' };
  let after = { table: '', id: '' };
  for (;;) {
    const page = await db
      .selectFrom('records')
      .select(['table_name', 'id', 'data'])
      .where('table_name', 'in', Object.keys(fields))
      .where((eb) =>
        eb.or([
          eb('table_name', '>', after.table),
          eb.and([eb('table_name', '=', after.table), eb('id', '>', after.id)]),
        ]),
      )
      .orderBy('table_name')
      .orderBy('id')
      .limit(1000)
      .execute();
    for (const row of page) {
      const data = JSON.parse(row.data) as Record<string, unknown>;
      const value = data[fields[row.table_name]];
      const live = !data.deletedAt && Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 100_000;
      if (!live) continue;
      await db
        .updateTable('records')
        .set({ live_number: value as number })
        .where('table_name', '=', row.table_name)
        .where('id', '=', row.id)
        .execute();
    }
    if (page.length < 1000) return;
    const last = page[page.length - 1];
    after = { table: last.table_name, id: last.id };
  }
}

const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('mission_members')
        .addColumn('mission_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('added_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('mission_members_pk', ['mission_id', 'user_id'])
        .execute();
      await db.schema.createIndex('mission_members_user').on('mission_members').column('user_id').execute();
      await db.schema
        .createTable('records')
        .addColumn('table_name', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('mission_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull().unique())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('field_meta', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('records_pk', ['table_name', 'id'])
        .execute();
      await db.schema.createIndex('records_mission_seq').on('records').columns(['mission_id', 'seq']).execute();
      await db.schema
        .createTable('applied_mutations')
        .addColumn('mutation_id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('table_name', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('applied_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('counters')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'bigint', (c) => c.notNull())
        .execute();
      await (db as Kysely<{ counters: { name: string; value: number } }>)
        .insertInto('counters')
        .values({ name: 'change_seq', value: 0 })
        .execute();
      await db.schema
        .createTable('photo_blobs')
        .addColumn('hash', 'text', (c) => c.primaryKey())
        .addColumn('bytes', 'integer', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('stored_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('photo_refs')
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('mission_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('photo_refs_pk', ['hash', 'mission_id'])
        .execute();
    },
  },
  '0002_mission_departures': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('mission_departures')
        .addColumn('mission_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('left_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('mission_departures_pk', ['mission_id', 'user_id'])
        .execute();
    },
  },
  '0003_photo_possession': {
    async up(db: Kysely<unknown>) {
      // Which mission uploaded which photo (photos/possession.ts): knowing a hash is not having it.
      await db.schema
        .createTable('photo_possessions')
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('mission_id', 'text', (c) => c.notNull())
        .addColumn('since', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('photo_possessions_pk', ['hash', 'mission_id'])
        .execute();
      await db.schema.createIndex('photo_possessions_mission').on('photo_possessions').column('mission_id').execute();
      // Before this table, a mission referencing a stored photo could read it: it keeps it.
      const typed = db as Kysely<Database>;
      await typed
        .insertInto('photo_possessions')
        .columns(['hash', 'mission_id', 'since'])
        .expression(
          typed
            .selectFrom('photo_refs as r')
            .innerJoin('photo_blobs as b', 'b.hash', 'r.hash')
            .select(['r.hash', 'r.mission_id', 'b.stored_at']),
        )
        .execute();
    },
  },
  '0004_mutation_scope': {
    async up(db: Kysely<unknown>) {
      // A mutation id is unique per sender (account + device), not worldwide: another device's id
      // must never make this device's change a "duplicate". SQLite cannot change a primary key, so
      // the table is rebuilt and swapped. Rows from before have no device (''): they still answer
      // replays of their account (see sync/push.ts).
      await db.schema
        .createTable('applied_mutations_scoped')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('mutation_id', 'text', (c) => c.notNull())
        .addColumn('table_name', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('applied_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('applied_mutations_sender_pk', ['user_id', 'client_id', 'mutation_id'])
        .execute();
      await sql`INSERT INTO applied_mutations_scoped
        (user_id, client_id, mutation_id, table_name, record_id, version, applied_at)
        SELECT user_id, '', mutation_id, table_name, record_id, version, applied_at FROM applied_mutations`.execute(db);
      await db.schema.dropTable('applied_mutations').execute();
      await db.schema.alterTable('applied_mutations_scoped').renameTo('applied_mutations').execute();

      // The number people read (participant N°, TdR revision, action point) of each live record, in
      // its own indexed column, so the next free number is found in SQL (the same query on SQLite
      // and PostgreSQL) instead of reading every record of the mission (sync/numbering.ts).
      await db.schema.alterTable('records').addColumn('live_number', 'integer').execute();
      await db.schema
        .createIndex('records_live_number')
        .on('records')
        .columns(['table_name', 'mission_id', 'live_number'])
        .execute();
      await fillLiveNumbers(db as Kysely<Database>);
    },
  },
  '0005_accounts_security': {
    async up(db: Kysely<unknown>) {
      // An administrator can disable an account (null: active).
      await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
      // Failed-login counts shared by every server process (see auth/loginThrottle.ts).
      await db.schema
        .createTable('login_throttle')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('last_failure_at', 'text', (c) => c.notNull())
        .addColumn('blocked_until', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('login_throttle_last_failure')
        .on('login_throttle')
        .column('last_failure_at')
        .execute();
      // Devices that logged in before (auth/knownDevices.ts): strangers' failures do not lock them out.
      await db.schema
        .createTable('known_devices')
        .addColumn('token_hash', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_login_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('known_devices_pk', ['token_hash', 'user_id'])
        .execute();
      await db.schema.createIndex('known_devices_user').on('known_devices').column('user_id').execute();
      await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();
    },
  },
  '0006_record_last_writer': {
    async up(db: Kysely<unknown>) {
      // The device whose push made a record's latest change: a pull skips a device's own changes
      // (sync/pull.ts). Null for records from before: they are sent as they always were.
      await db.schema.alterTable('records').addColumn('last_client_id', 'text').execute();
    },
  },
  '0007_photo_bytes_in_database': {
    async up(db: Kysely<unknown>) {
      // On PostgreSQL, photos and unfinished uploads live in the database (photos/pg/), so server
      // processes on different machines share them. Created on SQLite too (unused: files on disk).
      // 'bytea' is PostgreSQL's binary type; SQLite takes any type name.
      await db.schema
        .createTable('photo_chunks')
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('start_byte', 'bigint', (c) => c.notNull())
        .addColumn('data', 'bytea', (c) => c.notNull())
        .addPrimaryKeyConstraint('photo_chunks_pk', ['hash', 'start_byte'])
        .execute();
      await db.schema
        .createTable('photo_uploads')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('received', 'bigint', (c) => c.notNull())
        .addColumn('metadata', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema
        .createTable('photo_upload_chunks')
        .addColumn('upload_id', 'text', (c) => c.notNull())
        .addColumn('start_byte', 'bigint', (c) => c.notNull())
        .addColumn('data', 'bytea', (c) => c.notNull())
        .addPrimaryKeyConstraint('photo_upload_chunks_pk', ['upload_id', 'start_byte'])
        .execute();
    },
  },
  '0008_pg_change_sequence': {
    async up(db: Kysely<unknown>) {
      // PostgreSQL numbers changes from a SEQUENCE, writers locked per mission (sync/sequence.ts),
      // no longer from the counter row that made every push in the organisation wait for the one
      // before. It goes on from the counter. SQLite keeps its counter row.
      if (!isPostgres(db as Db)) return;
      await sql`CREATE SEQUENCE change_seq AS bigint`.execute(db);
      await sql`SELECT setval('change_seq', GREATEST(value, 1), value > 0) FROM counters WHERE name = 'change_seq'`.execute(
        db,
      );
    },
  },
  '0009_pg_stale_write_check': {
    async up(db: Kysely<unknown>) {
      // A push written in one statement on PostgreSQL (sync/unlockedWrite.ts) fails as a whole,
      // with its own code, when one of its records changed since it read them. Plain SQL cannot
      // raise an error; this function does. SQLite writes batches under its one writer lock.
      if (!isPostgres(db as Db)) return;
      await sql`
        CREATE FUNCTION terrain_expect_written(expected integer, written integer) RETURNS boolean
        LANGUAGE plpgsql AS $$
        BEGIN
          IF written <> expected THEN
            RAISE EXCEPTION 'terrain: % of % records written', written, expected USING ERRCODE = 'TRW01';
          END IF;
          RETURN true;
        END $$`.execute(db);
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the database to the latest schema; throws (the server must not start) on failure. */
export async function migrateToLatest(db: Db): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} impossible : ${String(error)}`);
  }
}

/** Brings an empty database up to migration `name` only: tests of a migration start from the schema before it. */
export async function migrateUpTo(db: Db, name: string): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateTo(name);
  if (error) throw new Error(`Migration jusqu’à ${name} impossible : ${String(error)}`);
}
