// What the server holds of photos and uploads, read where it keeps them: files under DATA_DIR on
// SQLite, tables on PostgreSQL (src/server/photos/pg/). The photo tests run on both (server-pg).
import fs from 'node:fs';
import path from 'node:path';
import { type Db, isPostgres } from '../../../src/server/db/database';

interface ServerLike {
  db: Db;
  dataDir: string;
}

export interface PhotoStorageView {
  /** A stored photo's bytes, or null when the store does not hold them. */
  storedBytes(hash: string): Promise<Buffer | null>;
  /** Every stored photo's hash, sorted. */
  storedHashes(): Promise<string[]>;
  /** Bytes received so far of an unfinished upload; null once finished, refused or removed. */
  received(uploadId: string): Promise<number | null>;
  /** Whether anything of the upload is left (its bytes, its config or row, its finished mark). */
  uploadExists(uploadId: string): Promise<boolean>;
  /** The state a SIGKILL leaves just after an upload's last byte arrived, before it was finished. */
  writeWholeUpload(uploadId: string, bytes: Buffer): Promise<void>;
}

function diskView(server: ServerLike): PhotoStorageView {
  const photoFile = (hash: string) => path.join(server.dataDir, 'photos', hash.slice(0, 2), hash);
  const uploadsDir = path.join(server.dataDir, 'uploads');
  return {
    async storedBytes(hash) {
      return fs.existsSync(photoFile(hash)) ? fs.readFileSync(photoFile(hash)) : null;
    },
    async storedHashes() {
      const root = path.join(server.dataDir, 'photos');
      if (!fs.existsSync(root)) return [];
      return fs
        .readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
        .sort();
    },
    async received(id) {
      const file = path.join(uploadsDir, id);
      return fs.existsSync(file) ? fs.statSync(file).size : null;
    },
    async uploadExists(id) {
      return fs.existsSync(uploadsDir) && fs.readdirSync(uploadsDir).some((f) => f.startsWith(id));
    },
    async writeWholeUpload(id, bytes) {
      fs.writeFileSync(path.join(uploadsDir, id), bytes);
    },
  };
}

function databaseView(server: ServerLike): PhotoStorageView {
  const { db } = server;
  return {
    async storedBytes(hash) {
      const pieces = await db
        .selectFrom('photo_chunks')
        .select('data')
        .where('hash', '=', hash)
        .orderBy('start_byte')
        .execute();
      return pieces.length ? Buffer.concat(pieces.map((p) => p.data)) : null;
    },
    async storedHashes() {
      const rows = await db.selectFrom('photo_chunks').select('hash').distinct().orderBy('hash').execute();
      return rows.map((r) => r.hash);
    },
    async received(id) {
      const row = await db
        .selectFrom('photo_uploads')
        .select(['received', 'finished_at'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row && !row.finished_at ? row.received : null;
    },
    async uploadExists(id) {
      const row = await db.selectFrom('photo_uploads').select('id').where('id', '=', id).executeTakeFirst();
      const piece = await db
        .selectFrom('photo_upload_chunks')
        .select('upload_id')
        .where('upload_id', '=', id)
        .executeTakeFirst();
      return row !== undefined || piece !== undefined;
    },
    async writeWholeUpload(id, bytes) {
      await db.insertInto('photo_upload_chunks').values({ upload_id: id, start_byte: 0, data: bytes }).execute();
      await db.updateTable('photo_uploads').set({ received: bytes.length }).where('id', '=', id).execute();
    },
  };
}

export function photoStorageOf(server: ServerLike): PhotoStorageView {
  return isPostgres(server.db) ? databaseView(server) : diskView(server);
}
