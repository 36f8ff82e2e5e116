// The tus data store on PostgreSQL: an upload is a row of photo_uploads and its bytes rows of
// photo_upload_chunks, so an upload started through one server process resumes through another
// (on another machine, with another DATA_DIR). Bytes are written as they arrive, a MiB at a time,
// each piece in a transaction that moves the upload's offset only from where this write started:
// two processes writing the same upload at once cannot interleave (the second gets 409, tus's
// answer to a wrong offset, and the device asks the offset again).
//
// Finishing (hash and image type checked while streaming the pieces, never the whole photo in
// memory) is one transaction: the photo's pieces, its photo_blobs row, the mission's possession and
// the finished mark commit together, so a server killed at any moment leaves the upload either
// complete-but-unfinished (finished again on the next HEAD, PATCH or sweep) or finished.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataStore, ERRORS, Upload } from '@tus/server';
import { sql, type Transaction } from 'kysely';
import { sha256Schema } from '../../../shared/protocol';
import type { Db } from '../../db/database';
import type { Database, PhotoUploadsTable } from '../../db/schema';
import { imageMimeOf } from '../imageType';
import { recordPossession } from '../possession';
import { type FinishingUploadStore, type FinishOutcome, ownerOfMetadata, type UploadOwner } from '../uploadStore';

/** Bytes per database row: large enough for few rows, small enough to hold one in memory. */
export const PIECE_BYTES = 1024 * 1024;
/** Received bytes wait at most this long in memory before they are written. */
const FLUSH_AFTER_MS = 1000;
const SNIFF_BYTES = 12;

function metadataOf(row: PhotoUploadsTable): Record<string, string> {
  try {
    const parsed = JSON.parse(row.metadata) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** A photo whose pieces are written: its blob row (once per hash) and its mission's possession. */
async function recordStoredPhoto(
  trx: Transaction<Database>,
  hash: string,
  bytes: number,
  mime: string,
  missionId: string,
) {
  await trx
    .insertInto('photo_blobs')
    .values({ hash, bytes, mime, stored_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('hash').doNothing())
    .execute();
  await recordPossession(trx, hash, missionId);
}

export class PgPhotoUploadStore extends DataStore implements FinishingUploadStore {
  /** One finish at a time per upload in this process (the transaction settles it across processes). */
  private readonly finishing = new Map<string, Promise<FinishOutcome>>();

  constructor(
    private readonly db: Db,
    private readonly expiryMs: number,
  ) {
    super();
    this.extensions = ['creation', 'creation-with-upload', 'termination', 'expiration'];
  }

  override getExpiration(): number {
    return this.expiryMs;
  }

  private row(id: string): Promise<PhotoUploadsTable | undefined> {
    return this.db.selectFrom('photo_uploads').selectAll().where('id', '=', id).executeTakeFirst();
  }

  override async create(upload: Upload): Promise<Upload> {
    if (!upload.size) throw ERRORS.INVALID_LENGTH;
    await this.db
      .insertInto('photo_uploads')
      .values({
        id: upload.id,
        size: upload.size,
        received: 0,
        metadata: JSON.stringify(upload.metadata ?? {}),
        created_at: upload.creation_date ?? new Date().toISOString(),
        finished_at: null,
      })
      .execute();
    return upload;
  }

  async owner(id: string): Promise<UploadOwner | null> {
    const row = await this.row(id);
    return row ? ownerOfMetadata(metadataOf(row)) : null;
  }

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    const row = await this.row(id);
    if (!row) throw ERRORS.FILE_NOT_FOUND;
    if (row.finished_at) {
      for await (const _ of readable) {
        // Drained and dropped: the photo is already stored.
      }
      return offset;
    }
    let position = offset;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const writePending = async () => {
      if (pendingBytes === 0) return;
      const data = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await this.db.transaction().execute(async (trx) => {
        const moved = await trx
          .updateTable('photo_uploads')
          .set({ received: position + data.length })
          .where('id', '=', id)
          .where('received', '=', position)
          .where('finished_at', 'is', null)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) throw ERRORS.INVALID_OFFSET;
        await trx.insertInto('photo_upload_chunks').values({ upload_id: id, start_byte: position, data }).execute();
      });
      position += data.length;
    };
    // Writes run one after the other: when a piece is full, and when bytes have waited a second
    // (a slow link's bytes are kept even if the process is killed before the piece fills).
    let writing = Promise.resolve();
    const flush = () => {
      writing = writing.then(writePending);
      return writing;
    };
    const timer = setInterval(() => flush().catch(() => undefined), FLUSH_AFTER_MS);
    let whole = false;
    try {
      for await (const chunk of readable as AsyncIterable<Buffer>) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= PIECE_BYTES) await flush();
      }
      whole = offset === 0 && position === 0 && pendingBytes === row.size;
    } finally {
      clearInterval(timer);
      await writing;
      // A photo that came whole in this request, in memory as one piece already, is stored in
      // one transaction; otherwise (or if it fails its checks) the bytes go to the upload's pieces.
      if (whole && (await this.storeWhole(row, Buffer.concat(pending, pendingBytes)))) position = row.size;
      // A cut connection keeps what arrived: the device resumes from there (tus HEAD).
      else await flush();
    }
    return position;
  }

  /**
   * Most photos (a few hundred KB after the app's resizing) arrive whole in their creation request.
   * Their bytes need not go through photo_upload_chunks and back: hashed and sniffed in memory, they
   * are stored as the photo's piece with its blob row, possession and finished mark in one
   * transaction. False (nothing written) when the bytes fail a check: the ordinary finish then
   * refuses them with its own answer.
   */
  private async storeWhole(row: PhotoUploadsTable, data: Buffer): Promise<boolean> {
    const metadata = metadataOf(row);
    const owner = ownerOfMetadata(metadata);
    const hash = metadata.hash;
    const mime = imageMimeOf(data.subarray(0, SNIFF_BYTES));
    if (!owner || !mime || createHash('sha256').update(data).digest('hex') !== hash) return false;
    return this.db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      const moved = await trx
        .updateTable('photo_uploads')
        .set({ received: data.length, finished_at: now })
        .where('id', '=', row.id)
        .where('received', '=', 0)
        .where('finished_at', 'is', null)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) return false;
      // Another upload of the same bytes may have stored them first: its pieces are kept.
      await trx
        .insertInto('photo_chunks')
        .values({ hash, start_byte: 0, data })
        .onConflict((oc) => oc.columns(['hash', 'start_byte']).doNothing())
        .execute();
      await recordStoredPhoto(trx, hash, data.length, mime, owner.missionId);
      return true;
    });
  }

  /** The bytes of an upload, piece by piece, in order. */
  private async *pieces(id: string): AsyncGenerator<Buffer> {
    let next = 0;
    for (;;) {
      const piece = await this.db
        .selectFrom('photo_upload_chunks')
        .select(['start_byte', 'data'])
        .where('upload_id', '=', id)
        .where('start_byte', '>=', next)
        .orderBy('start_byte')
        .limit(1)
        .executeTakeFirst();
      if (!piece) return;
      if (piece.start_byte !== next) throw new Error(`envoi ${id} : octets manquants à ${next}`);
      yield piece.data;
      next += piece.data.length;
    }
  }

  finish(id: string): Promise<FinishOutcome> {
    const running = this.finishing.get(id);
    if (running) return running;
    const attempt = this.finishNow(id).finally(() => this.finishing.delete(id));
    this.finishing.set(id, attempt);
    return attempt;
  }

  private async finishNow(id: string): Promise<FinishOutcome> {
    const row = await this.row(id);
    if (!row) return 'gone';
    if (row.finished_at) return 'finished';
    const metadata = metadataOf(row);
    const owner = ownerOfMetadata(metadata);
    const hash = metadata.hash;
    if (!sha256Schema.safeParse(hash).success || !owner) {
      await this.discard(id);
      return 'gone';
    }
    if (row.received < row.size) return 'unfinished';

    const digest = createHash('sha256');
    let head = Buffer.alloc(0);
    for await (const piece of this.pieces(id)) {
      digest.update(piece);
      if (head.length < SNIFF_BYTES) head = Buffer.concat([head, piece.subarray(0, SNIFF_BYTES)]);
    }
    const mime = imageMimeOf(head);
    if (!mime) {
      await this.discard(id);
      return 'photo-not-image';
    }
    if (digest.digest('hex') !== hash) {
      await this.discard(id);
      return 'photo-hash-mismatch';
    }

    await this.db.transaction().execute(async (trx) => {
      // The first piece decides which upload's pieces become the photo: a second process finishing
      // the same photo waits here for the first to commit, then inserts nothing, so the pieces of
      // one hash never mix two uploads' boundaries.
      const first = await sql`
        INSERT INTO photo_chunks (hash, start_byte, data)
        SELECT ${hash}, start_byte, data FROM photo_upload_chunks WHERE upload_id = ${id} AND start_byte = 0
        ON CONFLICT DO NOTHING`.execute(trx);
      if (Number(first.numAffectedRows ?? 0) === 1) {
        await sql`
          INSERT INTO photo_chunks (hash, start_byte, data)
          SELECT ${hash}, start_byte, data FROM photo_upload_chunks WHERE upload_id = ${id} AND start_byte > 0`.execute(
          trx,
        );
      }
      await recordStoredPhoto(trx, hash, row.size, mime, owner.missionId);
      await trx
        .updateTable('photo_uploads')
        .set({ finished_at: new Date().toISOString() })
        .where('id', '=', id)
        .execute();
      await trx.deleteFrom('photo_upload_chunks').where('upload_id', '=', id).execute();
    });
    return 'finished';
  }

  private async discard(id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('photo_uploads').where('id', '=', id).execute();
      await trx.deleteFrom('photo_upload_chunks').where('upload_id', '=', id).execute();
    });
  }

  /** tus reads an upload: a complete one is finished first, a finished one is complete. */
  override async getUpload(id: string): Promise<Upload> {
    const outcome = await this.finish(id);
    const row = await this.row(id);
    if (!row || (outcome !== 'finished' && outcome !== 'unfinished')) throw ERRORS.FILE_NOT_FOUND;
    return new Upload({
      id,
      size: row.size,
      offset: outcome === 'finished' ? row.size : row.received,
      metadata: metadataOf(row),
      creation_date: row.created_at,
    });
  }

  override async remove(id: string): Promise<void> {
    if (!(await this.row(id))) throw ERRORS.FILE_NOT_FOUND;
    await this.discard(id);
  }

  override async declareUploadLength(): Promise<void> {
    throw ERRORS.UNSUPPORTED_CREATION_DEFER_LENGTH_EXTENSION;
  }

  /** Finishes complete uploads (those a crash left behind), removes expired ones, finished marks included. */
  async sweep(now = Date.now()): Promise<void> {
    const complete = await this.db
      .selectFrom('photo_uploads')
      .select('id')
      .where('finished_at', 'is', null)
      .whereRef('received', '>=', 'size')
      .execute();
    for (const { id } of complete) await this.finish(id);
    const expiredBefore = new Date(now - this.expiryMs).toISOString();
    const expired = await this.db
      .selectFrom('photo_uploads')
      .select('id')
      .where('created_at', '<', expiredBefore)
      .execute();
    for (const { id } of expired) await this.discard(id);
  }
}
