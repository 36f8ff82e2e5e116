// Photo blobs on disk, content-addressed: DATA_DIR/photos/<first 2 hex>/<sha-256>. A blob is kept
// only after its bytes hash to the announced SHA-256 and start like a JPEG, PNG or WebP, and the
// same photo is kept once however many times (and for however many missions) it is uploaded. The
// table photo_blobs lists what is stored; photo_possessions, which mission uploaded which photo.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../db/database';
import { imageMimeOfFile, type PhotoMime } from './imageType';
import { possessedHashes, recordPossession } from './possession';

export function photoPath(dataDir: string, hash: string): string {
  return path.join(dataDir, 'photos', hash.slice(0, 2), hash);
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

export type CheckedPhoto =
  | { ok: true; mime: PhotoMime }
  | { ok: false; code: 'photo-hash-mismatch' | 'photo-not-image' };

/** Whether an uploaded file is the announced photo: an image by its first bytes, with that hash. */
export async function checkUploadedPhoto(file: string, hash: string): Promise<CheckedPhoto> {
  const mime = await imageMimeOfFile(file);
  if (!mime) return { ok: false, code: 'photo-not-image' };
  if ((await sha256OfFile(file)) !== hash) return { ok: false, code: 'photo-hash-mismatch' };
  return { ok: true, mime };
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ENOENT';

/**
 * Moves a checked upload into the store (or deletes it when the same photo is already there), then
 * lists the blob and the mission's possession. The rename is atomic, so a crash leaves either the
 * upload or the stored blob, never half a blob under its hash; every step can be run again.
 */
export async function storeCheckedPhoto(
  db: Db,
  dataDir: string,
  photo: { file: string; hash: string; mime: PhotoMime; missionId: string },
): Promise<'stored' | 'already-stored'> {
  const target = photoPath(dataDir, photo.hash);
  let result: 'stored' | 'already-stored' = 'stored';
  if (fs.existsSync(target)) {
    await fs.promises.rm(photo.file, { force: true });
    result = 'already-stored';
  } else {
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    try {
      await fs.promises.rename(photo.file, target);
    } catch (error) {
      // Another process finished the same upload first: its copy is the photo.
      if (!isMissing(error) || !fs.existsSync(target)) throw error;
      result = 'already-stored';
    }
  }
  await listStoredPhoto(db, dataDir, photo.hash, photo.mime, photo.missionId);
  return result;
}

/**
 * After a crash between the move into the store and the bookkeeping: lists the blob already on disk
 * and the mission's possession. False when the store does not hold the photo.
 */
export async function adoptStoredPhoto(db: Db, dataDir: string, hash: string, missionId: string): Promise<boolean> {
  const target = photoPath(dataDir, hash);
  if (!fs.existsSync(target)) return false;
  const mime = await imageMimeOfFile(target);
  if (!mime) return false;
  await listStoredPhoto(db, dataDir, hash, mime, missionId);
  return true;
}

async function listStoredPhoto(db: Db, dataDir: string, hash: string, mime: PhotoMime, missionId: string) {
  const bytes = (await fs.promises.stat(photoPath(dataDir, hash))).size;
  await db
    .insertInto('photo_blobs')
    .values({ hash, bytes, mime, stored_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('hash').doNothing())
    .execute();
  await recordPossession(db, hash, missionId);
}

/** The hashes the mission does not hold yet: the device uploads those (stored once whatever happens). */
export async function missingHashes(db: Db, missionId: string, hashes: string[]): Promise<string[]> {
  const unique = [...new Set(hashes)];
  const held = await possessedHashes(db, missionId, unique);
  return unique.filter((h) => !held.has(h));
}

export async function storedPhoto(db: Db, hash: string) {
  return db.selectFrom('photo_blobs').select(['bytes', 'mime']).where('hash', '=', hash).executeTakeFirst();
}
