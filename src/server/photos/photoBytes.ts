// Where a stored photo's bytes are read from: files under DATA_DIR/photos on SQLite, the database on
// PostgreSQL (pg/pgPhotoBytes.ts). The routes ask for a byte range and get a stream.
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { type Db, isPostgres } from '../db/database';
import { pgPhotoBytes } from './pg/pgPhotoBytes';
import { photoPath } from './store';

export interface PhotoBytes {
  /** Bytes start..end (inclusive) of a stored photo, streamed; null when they are not here. */
  open(hash: string, start: number, end: number): Promise<Readable | null>;
}

export function diskPhotoBytes(dataDir: string): PhotoBytes {
  return {
    async open(hash, start, end) {
      const file = photoPath(dataDir, hash);
      if (!fs.existsSync(file)) return null;
      return fs.createReadStream(file, { start, end });
    },
  };
}

export function photoBytesFor(db: Db, dataDir: string): PhotoBytes {
  const disk = diskPhotoBytes(dataDir);
  return isPostgres(db) ? pgPhotoBytes(db, disk) : disk;
}
