// Photo blobs on disk, content-addressed: DATA_DIR/photos/<first 2 hex>/<sha-256>. A blob is kept
// only after its bytes hash to the announced SHA-256, and the same photo is kept once however many
// times it is uploaded. The table photo_blobs lists what is stored, for "which hashes do you lack?".
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../db/database';

export const PHOTO_MIMES = new Set(['image/jpeg', 'image/png', 'image/webp']);

export function photoPath(dataDir: string, hash: string): string {
  return path.join(dataDir, 'photos', hash.slice(0, 2), hash);
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

export type KeepResult = 'stored' | 'already-stored' | 'hash-mismatch';

/**
 * Moves a finished upload into the store if its bytes match `hash`; deletes it otherwise (and when
 * the same photo is already there). The rename is atomic, so a crash leaves either the upload or
 * the stored blob, never half a blob under its hash.
 */
export async function keepUpload(
  db: Db,
  dataDir: string,
  upload: { file: string; hash: string; mime: string },
): Promise<KeepResult> {
  const actual = await sha256OfFile(upload.file);
  if (actual !== upload.hash) {
    await fs.promises.rm(upload.file, { force: true });
    return 'hash-mismatch';
  }
  const target = photoPath(dataDir, upload.hash);
  const bytes = (await fs.promises.stat(upload.file)).size;
  let result: KeepResult = 'stored';
  if (fs.existsSync(target)) {
    await fs.promises.rm(upload.file, { force: true });
    result = 'already-stored';
  } else {
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.rename(upload.file, target);
  }
  await db
    .insertInto('photo_blobs')
    .values({ hash: upload.hash, bytes, mime: upload.mime, stored_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('hash').doNothing())
    .execute();
  return result;
}

export async function missingHashes(db: Db, hashes: string[]): Promise<string[]> {
  const unique = [...new Set(hashes)];
  if (unique.length === 0) return [];
  const stored = await db.selectFrom('photo_blobs').select('hash').where('hash', 'in', unique).execute();
  const have = new Set(stored.map((r) => r.hash));
  return unique.filter((h) => !have.has(h));
}

export async function storedPhoto(db: Db, hash: string) {
  return db.selectFrom('photo_blobs').select(['bytes', 'mime']).where('hash', '=', hash).executeTakeFirst();
}
