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
//
// A photo that arrives whole in its creation request (most of them) costs two statements: the
// upload's row, then one statement that stores it and marks it finished. Until that request
// answers, nobody else knows the upload's id (the server drew it), so the request keeps the row it
// wrote (`creation`, scoped to that request) instead of reading it back at each of tus's steps
// (write, finish, the expiry header): four reads per photo before.
import { AsyncLocalStorage } from 'node:async_hooks';
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

/** What a finish found: its outcome, and the upload's row as it now stands (absent once gone). */
interface Finished {
  outcome: FinishOutcome;
  row?: PhotoUploadsTable;
}

export class PgPhotoUploadStore extends DataStore implements FinishingUploadStore {
  /** One finish at a time per upload in this process (the transaction settles it across processes). */
  private readonly finishing = new Map<string, Promise<Finished>>();
  /**
   * Within a creation request: the row of the upload it created, as this request last wrote it
   * (as created, or finished whole). Any other write drops it: the row is read again.
   */
  private readonly creation = new AsyncLocalStorage<Map<string, PhotoUploadsTable>>();

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

  /** Runs one creation request (POST), whose upload's row it may keep: nobody else knows the id yet. */
  inCreation<T>(run: () => Promise<T>): Promise<T> {
    return this.creation.run(new Map(), run);
  }

  private async row(id: string): Promise<PhotoUploadsTable | undefined> {
    const known = this.creation.getStore()?.get(id);
    if (known) return known;
    return this.db.selectFrom('photo_uploads').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** What this creation request just wrote of its upload (nothing outside one), or that it must read again. */
  private remember(id: string, row: PhotoUploadsTable | null): void {
    const rows = this.creation.getStore();
    if (!rows) return;
    if (row) rows.set(id, row);
    else rows.delete(id);
  }

  override async create(upload: Upload): Promise<Upload> {
    if (!upload.size) throw ERRORS.INVALID_LENGTH;
    const row: PhotoUploadsTable = {
      id: upload.id,
      size: upload.size,
      received: 0,
      metadata: JSON.stringify(upload.metadata ?? {}),
      created_at: upload.creation_date ?? new Date().toISOString(),
      finished_at: null,
    };
    await this.db.insertInto('photo_uploads').values(row).execute();
    this.remember(upload.id, row);
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
      this.remember(id, null);
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
    const now = new Date().toISOString();
    // One statement, so one transaction and one round trip: the finished mark, the photo's piece
    // and blob row (another upload of the same bytes may have stored them first: theirs are kept)
    // and the mission's possession, all or nothing. The blob and possession rows are those of
    // recordStoredPhoto, which finishNow's transaction uses. Nothing is written when the mark does
    // not move (another request wrote to this upload).
    const result = await sql<{ finished: number }>`
      WITH finished AS (
        UPDATE photo_uploads SET received = ${data.length}, finished_at = ${now}
        WHERE id = ${row.id} AND received = 0 AND finished_at IS NULL
        RETURNING id
      ), piece AS (
        INSERT INTO photo_chunks (hash, start_byte, data) SELECT ${hash}, 0, ${data} FROM finished
        ON CONFLICT (hash, start_byte) DO NOTHING
      ), blob AS (
        INSERT INTO photo_blobs (hash, bytes, mime, stored_at) SELECT ${hash}, ${data.length}, ${mime}, ${now} FROM finished
        ON CONFLICT (hash) DO NOTHING
      ), possession AS (
        INSERT INTO photo_possessions (hash, mission_id, since) SELECT ${hash}, ${owner.missionId}, ${now} FROM finished
        ON CONFLICT (hash, mission_id) DO NOTHING
      )
      SELECT count(*)::int AS finished FROM finished`.execute(this.db);
    if (result.rows[0]?.finished !== 1) return false;
    this.remember(row.id, { ...row, received: data.length, finished_at: now });
    return true;
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

  async finish(id: string): Promise<FinishOutcome> {
    return (await this.finished(id)).outcome;
  }

  private finished(id: string): Promise<Finished> {
    const running = this.finishing.get(id);
    if (running) return running;
    const attempt = this.finishNow(id).finally(() => this.finishing.delete(id));
    this.finishing.set(id, attempt);
    return attempt;
  }

  private async finishNow(id: string): Promise<Finished> {
    const row = await this.row(id);
    if (!row) return { outcome: 'gone' };
    if (row.finished_at) return { outcome: 'finished', row };
    const metadata = metadataOf(row);
    const owner = ownerOfMetadata(metadata);
    const hash = metadata.hash;
    if (!sha256Schema.safeParse(hash).success || !owner) {
      await this.discard(id);
      return { outcome: 'gone' };
    }
    if (row.received < row.size) return { outcome: 'unfinished', row };

    const digest = createHash('sha256');
    let head = Buffer.alloc(0);
    for await (const piece of this.pieces(id)) {
      digest.update(piece);
      if (head.length < SNIFF_BYTES) head = Buffer.concat([head, piece.subarray(0, SNIFF_BYTES)]);
    }
    const mime = imageMimeOf(head);
    if (!mime) {
      await this.discard(id);
      return { outcome: 'photo-not-image' };
    }
    if (digest.digest('hex') !== hash) {
      await this.discard(id);
      return { outcome: 'photo-hash-mismatch' };
    }

    const finishedAt = new Date().toISOString();
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
      await trx.updateTable('photo_uploads').set({ finished_at: finishedAt }).where('id', '=', id).execute();
      await trx.deleteFrom('photo_upload_chunks').where('upload_id', '=', id).execute();
    });
    return { outcome: 'finished', row: { ...row, finished_at: finishedAt } };
  }

  private async discard(id: string): Promise<void> {
    this.remember(id, null);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('photo_uploads').where('id', '=', id).execute();
      await trx.deleteFrom('photo_upload_chunks').where('upload_id', '=', id).execute();
    });
  }

  /** tus reads an upload: a complete one is finished first, a finished one is complete. */
  override async getUpload(id: string): Promise<Upload> {
    const { outcome, row } = await this.finished(id);
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
