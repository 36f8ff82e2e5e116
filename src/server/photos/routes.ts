// Photo endpoints: which hashes a mission lacks, resumable uploads (tus), and download. Every one
// checks that the caller belongs to the photo's mission before touching a byte; an upload is
// touched only by its uploader (or an administrator).
import { Readable } from 'node:stream';
import { type Context, Hono } from 'hono';
import { REQUEST_MAX_BYTES } from '../../shared/constants';
import type { ErrorCode } from '../../shared/errors';
import { missingPhotosRequestSchema, sha256Schema } from '../../shared/protocol';
import { type AppEnv, callerMissionIds, reachesMission, requireUser } from '../auth/middleware';
import { type Db, isPostgres } from '../db/database';
import { ApiError, errorBody } from '../errors';
import { rejectLargeBodies } from '../http/bodyLimit';
import { readJson } from '../http/readJson';
import { copyDiskPhotosIntoDatabase } from './pg/copyDiskPhotos';
import { photoBytesFor } from './photoBytes';
import { canReadPhoto } from './possession';
import { parseByteRange } from './range';
import { missingHashes, storedPhoto } from './store';
import { createPhotoUploads } from './tus';
import { parseCreationMetadata, uploadTarget } from './uploadRequest';

/** tus answers errors in plain text; the app gets them as JSON with a code, tus headers kept. */
async function asJsonError(res: Response): Promise<Response> {
  if (res.status < 400) return res;
  const text = await res.text();
  const headers = new Headers(res.headers);
  headers.set('Content-Type', 'application/json; charset=utf-8');
  headers.delete('Content-Length');
  if (text.startsWith('{"error"')) return new Response(text, { status: res.status, headers });
  const code: ErrorCode =
    res.status === 413 ? 'photo-too-large' : res.status === 404 || res.status === 410 ? 'not-found' : 'bad-request';
  return new Response(JSON.stringify(errorBody(code, { tus: text.trim() })), { status: res.status, headers });
}

export function photoRoutes(db: Db, dataDir: string): Hono<AppEnv> {
  const uploads = createPhotoUploads(db, dataDir);
  const photoBytes = photoBytesFor(db, dataDir);
  // Once per start on PostgreSQL: photos still in files from before 0007 go into the database.
  if (isPostgres(db)) {
    copyDiskPhotosIntoDatabase(db, dataDir).catch((err: unknown) => {
      console.error('Terrain : copie des photos dans la base impossible', err);
    });
  }
  const routes = new Hono<AppEnv>();
  routes.use('*', requireUser(db));

  const upload = async (c: Context<AppEnv>) => {
    const user = c.get('user');
    const { id } = uploadTarget(c.req.url);
    const method = c.req.method;
    if (id === null && method === 'POST') {
      if (c.req.header('upload-concat') !== undefined) {
        throw new ApiError(400, 'bad-request', { reason: 'upload-concat' });
      }
      // A plain byte count: tus itself reads `1e+308` as 1.
      if (!/^[0-9]{1,16}$/.test(c.req.header('upload-length') ?? '')) {
        throw new ApiError(400, 'invalid-body', { reason: 'upload-length' });
      }
      const metadata = parseCreationMetadata(c.req.header('upload-metadata'));
      if (!reachesMission(c, metadata.missionId)) throw new ApiError(403, 'not-member');
      return asJsonError(await uploads.create(c.req.raw, metadata, user.id));
    }
    if (id === null || !['HEAD', 'PATCH', 'DELETE'].includes(method)) throw new ApiError(404, 'not-found');
    const owner = await uploads.owner(id);
    if (!owner) throw new ApiError(404, 'not-found');
    if (!reachesMission(c, owner.missionId)) throw new ApiError(403, 'not-member');
    if (user.role !== 'admin' && owner.uploaderId !== user.id) throw new ApiError(403, 'forbidden');
    return asJsonError(await uploads.handle(c.req.raw));
  };
  routes.all('/uploads', upload);
  routes.all('/uploads/', upload);
  routes.all('/uploads/:id', upload);

  routes.post('/missing', rejectLargeBodies(REQUEST_MAX_BYTES), async (c) => {
    const body = await readJson(c, missingPhotosRequestSchema);
    if (!reachesMission(c, body.missionId)) throw new ApiError(403, 'not-member');
    return c.json({ missing: await missingHashes(db, body.missionId, body.hashes) });
  });

  routes.get('/:hash', async (c) => {
    const hash = c.req.param('hash');
    if (!sha256Schema.safeParse(hash).success) throw new ApiError(404, 'photo-not-found');
    const user = c.get('user');
    if (!(await canReadPhoto(db, user, hash))) {
      // Referenced by a mission of mine but not uploaded for it (yet): not found, as before its upload.
      const refs = await db.selectFrom('photo_refs').select('mission_id').where('hash', '=', hash).execute();
      const mine = new Set(await callerMissionIds(db, c));
      if (refs.length > 0 && !refs.some((r) => mine.has(r.mission_id))) throw new ApiError(403, 'not-member');
      throw new ApiError(404, 'photo-not-found');
    }
    const blob = await storedPhoto(db, hash);
    if (!blob) throw new ApiError(404, 'photo-not-found');
    c.header('Content-Type', blob.mime);
    c.header('Cache-Control', 'private, max-age=31536000, immutable');
    c.header('Accept-Ranges', 'bytes');
    // A cut download resumes from its last byte (photoDownload.ts): only the rest goes again.
    const range = parseByteRange(c.req.header('range'), blob.bytes);
    if (range === 'unsatisfiable') {
      c.header('Content-Range', `bytes */${blob.bytes}`);
      return c.json(errorBody('bad-request', { reason: 'range' }), 416);
    }
    const { start, end } = range ?? { start: 0, end: blob.bytes - 1 };
    const bytes = await photoBytes.open(hash, start, end);
    if (!bytes) throw new ApiError(404, 'photo-not-found');
    c.header('Content-Length', String(end - start + 1));
    if (range) c.header('Content-Range', `bytes ${start}-${end}/${blob.bytes}`);
    return c.body(Readable.toWeb(bytes) as ReadableStream<Uint8Array>, range ? 206 : 200);
  });
  return routes;
}
