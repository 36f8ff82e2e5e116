// Photo endpoints: which hashes the server lacks, resumable uploads (tus), and download. Every one
// checks that the caller belongs to the photo's mission before touching a byte.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { Metadata, type Server } from '@tus/server';
import { type Context, Hono } from 'hono';
import { REQUEST_MAX_BYTES } from '../../shared/constants';
import type { ErrorCode } from '../../shared/errors';
import { missingPhotosRequestSchema, sha256Schema } from '../../shared/protocol';
import { type AppEnv, requireUser } from '../auth/middleware';
import { isMember, missionIdsOf } from '../auth/users';
import type { Db } from '../db/database';
import { ApiError, errorBody } from '../errors';
import { rejectLargeBodies } from '../http/bodyLimit';
import { readJson } from '../http/readJson';
import { missingHashes, photoPath, storedPhoto } from './store';
import { createTusServer } from './tus';

const UPLOAD_ID = /^[0-9a-f]{32}$/;

/** The mission an upload is for: from Upload-Metadata on creation, from the stored upload after. */
async function uploadMission(tus: Server, req: Request, id: string | undefined): Promise<string | null> {
  if (req.method === 'POST') {
    try {
      return Metadata.parse(req.headers.get('upload-metadata') ?? undefined).missionId ?? null;
    } catch {
      return null;
    }
  }
  if (!id || !UPLOAD_ID.test(id)) throw new ApiError(404, 'not-found');
  const upload = await tus.datastore.getUpload(id).catch(() => null);
  if (!upload) throw new ApiError(404, 'not-found');
  return upload.metadata?.missionId ?? null;
}

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
  const tus = createTusServer(db, dataDir);
  const routes = new Hono<AppEnv>();
  routes.use('*', requireUser(db));

  const upload = async (c: Context<AppEnv>) => {
    if (c.req.method === 'GET') throw new ApiError(404, 'not-found');
    const missionId = await uploadMission(tus, c.req.raw, c.req.param('id'));
    if (!missionId) throw new ApiError(400, 'invalid-body', { reason: 'missionId-missing' });
    if (!(await isMember(db, c.get('user'), missionId))) throw new ApiError(403, 'not-member');
    return asJsonError(await tus.handleWeb(c.req.raw));
  };
  routes.all('/uploads', upload);
  routes.all('/uploads/', upload);
  routes.all('/uploads/:id', upload);

  routes.post('/missing', rejectLargeBodies(REQUEST_MAX_BYTES), async (c) => {
    const body = await readJson(c, missingPhotosRequestSchema);
    if (!(await isMember(db, c.get('user'), body.missionId))) throw new ApiError(403, 'not-member');
    return c.json({ missing: await missingHashes(db, body.hashes) });
  });

  routes.get('/:hash', async (c) => {
    const hash = c.req.param('hash');
    if (!sha256Schema.safeParse(hash).success) throw new ApiError(404, 'photo-not-found');
    const user = c.get('user');
    const refs = await db.selectFrom('photo_refs').select('mission_id').where('hash', '=', hash).execute();
    if (refs.length === 0 && user.role !== 'admin') throw new ApiError(404, 'photo-not-found');
    const mine = new Set(await missionIdsOf(db, user));
    if (user.role !== 'admin' && !refs.some((r) => mine.has(r.mission_id))) throw new ApiError(403, 'not-member');
    const blob = await storedPhoto(db, hash);
    const file = photoPath(dataDir, hash);
    if (!blob || !fs.existsSync(file)) throw new ApiError(404, 'photo-not-found');
    c.header('Content-Type', blob.mime);
    c.header('Content-Length', String(blob.bytes));
    c.header('Cache-Control', 'private, max-age=31536000, immutable');
    return c.body(Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>);
  });
  return routes;
}
