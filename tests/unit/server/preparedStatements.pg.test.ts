// PostgreSQL: the server's frequent statements are prepared once per connection, rare texts (an IN
// list of one more length) are not, a connection never holds more than a bounded number of them,
// and a table changed under a prepared `SELECT *` (another process's migration) costs no request.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../../src/server/db/database';
import { freshDatabaseUrl } from './support';

let db: Db;
let dataDir: string;
let drop: () => Promise<void>;

interface Scratch {
  scratch: { id: number; label: string };
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'terrain-prepared-'));
  const database = await freshDatabaseUrl();
  drop = database.drop;
  db = await openDatabase({ dataDir, databaseUrl: database.url });
  await sql`CREATE TABLE scratch (id integer PRIMARY KEY, label text NOT NULL)`.execute(db);
  await sql`INSERT INTO scratch SELECT g, 'ligne ' || g FROM generate_series(1, 300) AS g`.execute(db);
});
afterAll(async () => {
  await db.destroy();
  await drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The statements this connection has prepared, by text. */
async function preparedTexts(trx: Transaction<Scratch>): Promise<string[]> {
  const { rows } = await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(trx);
  return rows.map((row) => row.statement);
}

/** The test's own table, beside the server's. */
const scratchDb = () => db as unknown as Kysely<Scratch>;

describe('prepared statements on PostgreSQL', () => {
  it('prepares a statement sent again and again once, and a text sent once not at all', async () => {
    await scratchDb()
      .transaction()
      .execute(async (trx) => {
        for (let i = 1; i <= 5; i++) {
          const row = await trx.selectFrom('scratch').select('label').where('id', '=', i).executeTakeFirst();
          expect(row?.label).toBe(`ligne ${i}`);
        }
        await trx.selectFrom('scratch').select('id').where('label', '=', 'une seule fois').execute();
        const texts = await preparedTexts(trx);
        expect(texts.filter((t) => t.includes('select "label" from "scratch"'))).toHaveLength(1);
        expect(texts.filter((t) => t.includes('une seule fois') || t.includes('where "label" ='))).toHaveLength(0);
      });
  });

  it('holds at most 100 per connection, however many texts come often', async () => {
    await scratchDb()
      .transaction()
      .execute(async (trx) => {
        // 150 texts (IN lists of 1 to 150 ids), each sent 3 times: all frequent.
        for (let length = 1; length <= 150; length++) {
          const ids = Array.from({ length }, (_, i) => i + 1);
          for (let time = 0; time < 3; time++) {
            const rows = await trx.selectFrom('scratch').select('id').where('id', 'in', ids).execute();
            expect(rows).toHaveLength(length);
          }
        }
        const texts = await preparedTexts(trx);
        expect(texts.length).toBeLessThanOrEqual(100);
        expect(texts.filter((t) => t.includes('where "id" in')).length).toBeGreaterThanOrEqual(98);
      });
  });

  it('answers a prepared SELECT * again after another process added a column', async () => {
    const read = () =>
      db
        .selectFrom('scratch' as never)
        .selectAll()
        .where('id' as never, '=', 7 as never)
        .execute();
    // Prepared on every connection the pool holds (ten reads at once, several times).
    for (let round = 0; round < 4; round++) await Promise.all(Array.from({ length: 10 }, read));
    await sql`ALTER TABLE scratch ADD COLUMN note text`.execute(db);
    for (let round = 0; round < 4; round++) {
      const answers = await Promise.all(Array.from({ length: 10 }, read));
      for (const rows of answers) expect(rows).toEqual([{ id: 7, label: 'ligne 7', note: null }]);
    }
  });
});
