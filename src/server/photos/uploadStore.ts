// On SQLite, the tus upload folder (DATA_DIR/uploads: a data file `<id>` and its config `<id>.json` per
// upload), where a complete upload is *finished*: checked, moved into the photo store, and marked
// finished in its config. Finishing is idempotent and re-run wherever an unfinished complete upload
// shows up (the last PATCH, creation-with-upload, HEAD, PATCH, the start-up and hourly sweep), so a
// server killed between the last byte and the move loses nothing. The finished mark stays until the
// upload expires: a device that lost the answer asks HEAD and hears "complete", never 404.
//
// On disk, for an upload with a config:
//   data file shorter than its length  → in progress
//   data file complete, no mark        → complete, not finished yet (finish it)
//   no data file, no mark              → verified and moved, crash before the mark (adopt it)
//   mark                               → finished
// Only a verified upload may lose its data file while its config stays: every other removal
// (refused bytes, DELETE, expiry) deletes the config first.
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { type DataStore, ERRORS, Upload } from '@tus/server';
import { isValidId } from '../../shared/ids';
import { sha256Schema } from '../../shared/protocol';
import type { Db } from '../db/database';
import { adoptStoredPhoto, checkUploadedPhoto, storeCheckedPhoto } from './store';

export const UPLOAD_ID = /^[0-9a-f]{32}$/;

export type FinishOutcome = 'finished' | 'unfinished' | 'gone' | 'photo-hash-mismatch' | 'photo-not-image';

/** What the config file holds: tus's upload, plus our mark once finished. */
interface UploadConfig {
  size?: number;
  metadata?: Record<string, string | null>;
  creation_date?: string;
  finishedAt?: string;
}

export interface UploadOwner {
  missionId: string;
  /** Recorded by the server at creation (absent for uploads created before it did). */
  uploaderId: string | null;
}

/** Whose upload it is, from the metadata the server wrote at creation (null: not a valid upload). */
export function ownerOfMetadata(metadata: Record<string, string | null> | undefined): UploadOwner | null {
  const missionId = metadata?.missionId;
  if (!isValidId(missionId)) return null;
  const uploaderId = metadata?.uploaderId;
  return { missionId, uploaderId: typeof uploaderId === 'string' ? uploaderId : null };
}

/**
 * A tus data store that finishes what it receives (this file on disk, pg/pgUploadStore.ts in
 * PostgreSQL): `finish` is idempotent and safe to run again after a crash at any point.
 */
export interface FinishingUploadStore extends DataStore {
  finish(id: string): Promise<FinishOutcome>;
  owner(id: string): Promise<UploadOwner | null>;
  /** Finishes uploads a crash left complete and removes expired ones. */
  sweep(now?: number): Promise<void>;
  /** Runs one creation request: the store may keep what it wrote of the new upload until it ends. */
  inCreation<T>(run: () => Promise<T>): Promise<T>;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ENOENT';

async function sizeOf(file: string): Promise<number | null> {
  try {
    return (await fs.promises.stat(file)).size;
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

export class PhotoUploadStore extends FileStore implements FinishingUploadStore {
  /** One finish at a time per upload in this process; a second caller waits for the first. */
  private readonly finishing = new Map<string, Promise<FinishOutcome>>();

  constructor(
    private readonly photos: { db: Db; dataDir: string },
    options: { directory: string; expirationPeriodInMilliseconds: number },
  ) {
    super(options);
  }

  /** Nothing to keep: the config file is read from the disk's cache. */
  inCreation<T>(run: () => Promise<T>): Promise<T> {
    return run();
  }

  private configFile(id: string): string {
    return path.join(this.directory, `${id}.json`);
  }

  private async config(id: string): Promise<UploadConfig | undefined> {
    return (await this.configstore.get(id)) as UploadConfig | undefined;
  }

  async owner(id: string): Promise<UploadOwner | null> {
    return ownerOfMetadata((await this.config(id))?.metadata);
  }

  finish(id: string): Promise<FinishOutcome> {
    const running = this.finishing.get(id);
    if (running) return running;
    const attempt = this.finishNow(id)
      // Another process moved the file under our feet: look again at what is now on disk.
      .catch((error) => (isMissing(error) ? this.finishNow(id) : Promise.reject(error)))
      .finally(() => this.finishing.delete(id));
    this.finishing.set(id, attempt);
    return attempt;
  }

  private async finishNow(id: string): Promise<FinishOutcome> {
    const config = await this.config(id);
    if (!config) return 'gone';
    if (config.finishedAt) return 'finished';
    const hash = config.metadata?.hash;
    const missionId = config.metadata?.missionId;
    if (!sha256Schema.safeParse(hash).success || !isValidId(missionId) || !config.size) {
      await this.discard(id);
      return 'gone';
    }
    const { db, dataDir } = this.photos;
    const file = path.join(this.directory, id);
    const size = await sizeOf(file);
    if (size === null) {
      if (!(await adoptStoredPhoto(db, dataDir, hash as string, missionId))) {
        await this.discard(id);
        return 'gone';
      }
    } else {
      if (size < config.size) return 'unfinished';
      const checked = await checkUploadedPhoto(file, hash as string);
      if (!checked.ok) {
        await this.discard(id);
        return checked.code;
      }
      await storeCheckedPhoto(db, dataDir, { file, hash: hash as string, mime: checked.mime, missionId });
    }
    await this.configstore.set(id, { ...config, finishedAt: new Date().toISOString() } as unknown as Upload);
    return 'finished';
  }

  /** Config first: a data file gone with its config still there must mean "verified and moved". */
  private async discard(id: string): Promise<void> {
    await fs.promises.rm(this.configFile(id), { force: true });
    await fs.promises.rm(path.join(this.directory, id), { force: true });
  }

  /** tus reads an upload: a complete one is finished first, a finished one is complete. */
  override async getUpload(id: string): Promise<Upload> {
    const outcome = await this.finish(id);
    if (outcome === 'unfinished') return super.getUpload(id);
    const config = await this.config(id);
    if (outcome !== 'finished' || !config?.size) throw ERRORS.FILE_NOT_FOUND;
    return new Upload({
      id,
      size: config.size,
      offset: config.size,
      metadata: config.metadata as Record<string, string>,
      creation_date: config.creation_date,
    });
  }

  /** A PATCH of zero bytes at the end of a finished upload: nothing to write, its data file is gone. */
  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    if ((await this.config(id))?.finishedAt) {
      for await (const _ of readable) {
        // Drained and dropped: the photo is already in the store.
      }
      return offset;
    }
    return super.write(readable, id, offset);
  }

  override async remove(id: string): Promise<void> {
    if (!(await this.config(id))) throw ERRORS.FILE_NOT_FOUND;
    await this.discard(id);
  }

  /**
   * Finishes every complete upload (those a crash left behind) and removes expired ones, finished
   * marks included, and leftovers without a config (a crash mid-creation) once they are as old.
   */
  async sweep(now = Date.now()): Promise<void> {
    let names: string[];
    try {
      names = await fs.promises.readdir(this.directory);
    } catch (error) {
      if (isMissing(error)) return; // no upload was ever started
      throw error;
    }
    const ids = new Set(names.map((name) => name.replace(/\.json$/, '')).filter((name) => UPLOAD_ID.test(name)));
    for (const id of ids) {
      await this.finish(id);
      const config = await this.config(id);
      const declared = Date.parse(config?.creation_date ?? '');
      const created = Number.isNaN(declared) ? await this.modifiedAt(id) : declared;
      if (created !== null && now - created > this.getExpiration()) await this.discard(id);
    }
  }

  private async modifiedAt(id: string): Promise<number | null> {
    for (const file of [path.join(this.directory, id), this.configFile(id)]) {
      const stat = await fs.promises.stat(file).catch(() => null);
      if (stat) return stat.mtimeMs;
    }
    return null;
  }
}
