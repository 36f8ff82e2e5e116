// Resumable photo uploads (tus 1.0.0, @tus/server with a file store under DATA_DIR/uploads): a link
// cut mid-photo resumes at the server's offset. When the last byte arrives the SHA-256 announced in
// the metadata is checked and the file moves to the content-addressed store (store.ts).
import path from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import { PHOTO_MAX_BYTES } from '../../shared/constants';
import type { ErrorCode } from '../../shared/errors';
import { sha256Schema } from '../../shared/protocol';
import type { Db } from '../db/database';
import { errorBody } from '../errors';
import { keepUpload, PHOTO_MIMES } from './store';

export const UPLOADS_PATH = '/api/photos/uploads';
/** Unfinished uploads older than this are removed at start. */
const UPLOAD_EXPIRY_MS = 7 * 24 * 60 * 60 * 1000;

const tusError = (status_code: number, code: ErrorCode) => ({
  status_code,
  body: JSON.stringify(errorBody(code)),
});

export function uploadMime(upload: Upload): string {
  const type = upload.metadata?.filetype ?? '';
  return PHOTO_MIMES.has(type) ? type : 'image/jpeg';
}

export function createTusServer(db: Db, dataDir: string): Server {
  const directory = path.join(dataDir, 'uploads');
  const datastore = new FileStore({ directory, expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS });
  const server = new Server({
    path: UPLOADS_PATH,
    datastore,
    maxSize: PHOTO_MAX_BYTES,
    relativeLocation: true,
    async onUploadCreate(_req, upload) {
      if (!sha256Schema.safeParse(upload.metadata?.hash).success) throw tusError(400, 'invalid-body');
      if (!upload.size || upload.size <= 0) throw tusError(400, 'invalid-body');
      return {};
    },
    async onUploadFinish(_req, upload) {
      const hash = String(upload.metadata?.hash);
      const file = path.join(directory, upload.id);
      const kept = await keepUpload(db, dataDir, { file, hash, mime: uploadMime(upload) });
      // The file itself is gone (moved or deleted): drop the upload's metadata file too.
      await datastore.configstore.delete(upload.id);
      if (kept === 'hash-mismatch') throw tusError(400, 'photo-hash-mismatch');
      return {};
    },
  });
  // Uploads abandoned for a week (a photo deleted on the device, a phone lost) free their space.
  // A missing folder just means no upload was ever started.
  server.cleanUpExpiredUploads().catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') console.error('Terrain : nettoyage des envois impossible', err);
  });
  return server;
}
