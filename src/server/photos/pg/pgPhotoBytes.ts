// Reading a photo stored in PostgreSQL (photo_chunks): only the pieces a range touches, and of
// each only the part asked for (substring runs in the database), one piece in memory at a time.
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { PhotoBytes } from '../photoBytes';

export function pgPhotoBytes(db: Db, disk: PhotoBytes): PhotoBytes {
  return {
    async open(hash, start, end) {
      const pieces = await db
        .selectFrom('photo_chunks')
        .select(['start_byte', sql<number>`octet_length(data)`.as('bytes')])
        .where('hash', '=', hash)
        .orderBy('start_byte')
        .execute();
      // Stored as a file before photos moved into the database, and not copied in yet.
      if (pieces.length === 0) return disk.open(hash, start, end);
      const touched = pieces.filter((p) => p.start_byte <= end && p.start_byte + p.bytes > start);
      async function* bytes() {
        for (const piece of touched) {
          const from = Math.max(start, piece.start_byte) - piece.start_byte;
          const to = Math.min(end, piece.start_byte + piece.bytes - 1) - piece.start_byte;
          const row = await db
            .selectFrom('photo_chunks')
            .select(sql<Buffer>`substring(data from ${from + 1} for ${to - from + 1})`.as('part'))
            .where('hash', '=', hash)
            .where('start_byte', '=', piece.start_byte)
            .executeTakeFirstOrThrow();
          yield row.part;
        }
      }
      return Readable.from(bytes());
    },
  };
}
