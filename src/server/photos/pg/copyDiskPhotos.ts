// Photos a PostgreSQL server stored as files before they moved into the database (migration 0007)
// are copied in at start, so a second machine without this DATA_DIR serves them too. Each file is
// hashed first; only bytes that match their name go in, in one transaction per photo. Until then
// the download route reads the file (pgPhotoBytes.ts falls back to it).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { photoPath } from '../store';
import { PIECE_BYTES } from './pgUploadStore';

async function* piecesOf(file: string): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    pending.push(chunk);
    bytes += chunk.length;
    if (bytes >= PIECE_BYTES) {
      yield Buffer.concat(pending, bytes);
      pending = [];
      bytes = 0;
    }
  }
  if (bytes > 0) yield Buffer.concat(pending, bytes);
}

async function sha256Of(file: string): Promise<string> {
  const digest = createHash('sha256');
  for await (const piece of piecesOf(file)) digest.update(piece);
  return digest.digest('hex');
}

/** Copies every listed photo that has no bytes in the database yet from its file; returns how many. */
export async function copyDiskPhotosIntoDatabase(db: Db, dataDir: string): Promise<number> {
  const waiting = await db
    .selectFrom('photo_blobs as b')
    .select('b.hash')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('photo_chunks as c')
            .select('c.hash')
            .whereRef('c.hash', '=', 'b.hash')
            .where('c.start_byte', '=', 0),
        ),
      ),
    )
    .execute();
  let copied = 0;
  for (const { hash } of waiting) {
    const file = photoPath(dataDir, hash);
    if (!fs.existsSync(file) || (await sha256Of(file)) !== hash) continue;
    await db.transaction().execute(async (trx) => {
      let start = 0;
      for await (const data of piecesOf(file)) {
        // The first piece decides, as when an upload finishes (another process may copy it too).
        const inserted = await sql`
          INSERT INTO photo_chunks (hash, start_byte, data) VALUES (${hash}, ${start}, ${data})
          ON CONFLICT DO NOTHING`.execute(trx);
        if (start === 0 && Number(inserted.numAffectedRows ?? 0) === 0) return;
        start += data.length;
      }
      copied += 1;
    });
  }
  return copied;
}
