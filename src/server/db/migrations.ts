// Schema migrations, kept in code and run at start (Kysely Migrator). Only portable column types
// and statements: the same migrations build the SQLite file and a PostgreSQL database. Never edit
// a shipped migration; add the next one.
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Db } from './database';

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
