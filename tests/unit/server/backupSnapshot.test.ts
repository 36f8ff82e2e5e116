// The backup's database snapshot holds what the server has committed even when it is still only in
// the write-ahead log (the server's connection has not checkpointed it into terrain.sqlite yet): a
// plain copy of the file would miss it. Run in process on the server's own storage code.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../../src/server/auth/users';
import { createBackup } from '../../../src/server/backup/createBackup';
import { restoreBackup } from '../../../src/server/backup/restoreBackup';
import { openDatabase, SQLITE_FILE } from '../../../src/server/db/database';
import { migrateToLatest } from '../../../src/server/db/migrations';

describe.skipIf(Boolean(process.env.TERRAIN_TEST_PG_URL))('backup snapshot (SQLite)', () => {
  it('includes commits still in the write-ahead log, without stopping the writer', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'terrain-instantane-'));
    const dataDir = path.join(root, 'donnees');
    const db = await openDatabase({ dataDir });
    try {
      await migrateToLatest(db);
      // Force a checkpoint now, then keep every later commit in the WAL only.
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
      await sql`PRAGMA wal_autocheckpoint = 0`.execute(db);
      for (let i = 0; i < 20; i++) {
        await createUser(db, {
          email: `agent${i}@exemple.test`,
          name: `Agent ${i}`,
          role: 'member',
          password: 'mot-de-passe-test',
        });
      }
      expect(fs.statSync(path.join(dataDir, `${SQLITE_FILE}-wal`)).size).toBeGreaterThan(0);

      const archive = path.join(root, 'sauvegarde.tar.gz');
      await createBackup({ dataDir, file: archive });
      // The server's connection still writes after the snapshot: not in it, and not blocked by it.
      await createUser(db, {
        email: 'apres@exemple.test',
        name: 'Après',
        role: 'member',
        password: 'mot-de-passe-test',
      });

      const restored = path.join(root, 'restauree');
      await restoreBackup({ file: archive, dataDir: restored });
      const copy = new BetterSqlite3(path.join(restored, SQLITE_FILE), { readonly: true });
      const emails = (copy.prepare('SELECT email FROM users ORDER BY email').all() as { email: string }[]).map(
        (r) => r.email,
      );
      copy.close();
      expect(emails).toHaveLength(20);
      expect(emails).not.toContain('apres@exemple.test');
    } finally {
      await db.destroy();
    }
    // Several archives and a restore on a shared, slow machine: more than Vitest's 5 s default.
  }, 60_000);
});
