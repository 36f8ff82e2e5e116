// Resumable photo uploads (tus 1.0.0, @tus/server with a file store under DATA_DIR/uploads on
// SQLite, a store in the database on PostgreSQL): a link
// cut mid-photo resumes at the server's offset. When the last byte arrives the upload is finished
// (uploadStore.ts): SHA-256 and image type checked, file moved to the content-addressed store.
// The routes (routes.ts) decide who may do what before a request reaches tus; here tus gets only
// the upload id of the path, the metadata the server wrote, and answers errors as JSON codes.
import path from 'node:path';
import { ERRORS, Server, type Upload } from '@tus/server';
import { PHOTO_MAX_BYTES } from '../../shared/constants';
import type { ErrorCode } from '../../shared/errors';
import type { Db } from '../db/database';
import { isPostgres } from '../db/database';
import { errorBody } from '../errors';
import { PgPhotoUploadStore } from './pg/pgUploadStore';
import { type CreationMetadata, creationMetadata, UPLOADS_PATH, uploadIdOfUrl } from './uploadRequest';
import { type FinishingUploadStore, type FinishOutcome, PhotoUploadStore, type UploadOwner } from './uploadStore';

/** Unfinished uploads (and the finished mark of finished ones) older than this are removed. */
const UPLOAD_EXPIRY_MS = 7 * 24 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 60 * 60 * 1000;

const tusError = (status_code: number, code: ErrorCode) => ({
  status_code,
  body: JSON.stringify(errorBody(code)),
});

const refusedFinish: Partial<Record<FinishOutcome, { status_code: number; body: string }>> = {
  'photo-hash-mismatch': tusError(400, 'photo-hash-mismatch'),
  'photo-not-image': tusError(415, 'photo-not-image'),
  gone: tusError(404, 'not-found'),
};

/** tus refusals of features we do not offer (501) and a busy upload (500) in the app's terms. */
function mappedTusError(error: unknown): { status_code: number; body: string } | undefined {
  if (
    error === ERRORS.UNSUPPORTED_CONCATENATION_EXTENSION ||
    error === ERRORS.UNSUPPORTED_CREATION_DEFER_LENGTH_EXTENSION ||
    error === ERRORS.UNSUPPORTED_EXPIRATION_EXTENSION
  ) {
    return tusError(400, 'bad-request');
  }
  // tus-js-client retries a 423 by itself.
  if (error === ERRORS.ERR_LOCK_TIMEOUT) return tusError(423, 'server-busy');
  return undefined;
}

export interface PhotoUploads {
  /** Creation: the server's metadata (checked by the route) and the uploader, never the client's. */
  create(req: Request, metadata: CreationMetadata, uploaderId: string): Promise<Response>;
  /** HEAD, PATCH, DELETE of an upload the route has allowed. */
  handle(req: Request): Promise<Response>;
  owner(id: string): Promise<UploadOwner | null>;
  /** Finishes uploads a crash left complete, removes expired ones (run at start and every hour). */
  sweep(): Promise<void>;
  store: FinishingUploadStore;
}

/** Uploads in the database on PostgreSQL (any process resumes any upload), in DATA_DIR on SQLite. */
export function uploadStoreFor(db: Db, dataDir: string, expiryMs = UPLOAD_EXPIRY_MS): FinishingUploadStore {
  if (isPostgres(db)) return new PgPhotoUploadStore(db, expiryMs);
  const directory = path.join(dataDir, 'uploads');
  return new PhotoUploadStore({ db, dataDir }, { directory, expirationPeriodInMilliseconds: expiryMs });
}

export function createPhotoUploads(db: Db, dataDir: string): PhotoUploads {
  const store = uploadStoreFor(db, dataDir);
  const creations = new WeakMap<Request, Record<string, string>>();
  const server = new Server({
    path: UPLOADS_PATH,
    datastore: store,
    maxSize: PHOTO_MAX_BYTES,
    relativeLocation: true,
    // The id is the path's last segment and nothing else (never a part of the query string).
    getFileIdFromRequest: (req) => uploadIdOfUrl(req.url) ?? undefined,
    async onUploadCreate(req, upload: Upload) {
      const metadata = creations.get(req);
      if (!metadata) throw tusError(400, 'invalid-body');
      if (!upload.size || upload.size <= 0) throw tusError(400, 'invalid-body');
      return { metadata };
    },
    async onUploadFinish(_req, upload) {
      const outcome = await store.finish(upload.id);
      const refusal = refusedFinish[outcome];
      if (refusal) throw refusal;
      return {};
    },
    async onResponseError(_req, error) {
      return mappedTusError(error);
    },
  });

  const sweep = () =>
    store.sweep().catch((err: unknown) => {
      console.error('Terrain : nettoyage des envois de photos impossible', err);
    });
  // At start: uploads a crash left complete are finished now, not when their device comes back.
  void sweep();
  // Every hour: abandoned uploads (a photo deleted on the device, a phone lost) free their space.
  // Unref'd: the timer never keeps the process (or a test run) alive.
  setInterval(sweep, SWEEP_EVERY_MS).unref();

  return {
    create(req, metadata, uploaderId) {
      creations.set(req, creationMetadata(metadata, uploaderId));
      return store.inCreation(() => server.handleWeb(req));
    },
    handle: (req) => server.handleWeb(req),
    owner: (id) => store.owner(id),
    sweep,
    store,
  };
}
