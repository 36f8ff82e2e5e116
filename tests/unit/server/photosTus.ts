// tus requests as the app's uploader sends them, against a test server: creation (with or without
// the first bytes), PATCH, HEAD, DELETE. Photos are JPEG-looking bytes (the server checks the magic
// number) with random content, so each one has its own SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import type { AppEnv } from '../../../src/server/auth/middleware';

export const TUS = { 'tus-resumable': '1.0.0' };
const JPEG_START = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
export const b64 = (s: string) => Buffer.from(s).toString('base64');

/** `size` bytes that start like a JPEG file and are otherwise random. */
export function jpegLike(size: number): Buffer {
  return Buffer.concat([JPEG_START, randomBytes(size - JPEG_START.length)]);
}

export function uploadMetadata(hash: string, missionId: string, filetype = 'image/jpeg'): string {
  return `hash ${b64(hash)},missionId ${b64(missionId)},filetype ${b64(filetype)}`;
}

type App = Hono<AppEnv>;

export interface CreateOptions {
  token: string;
  missionId: string;
  hash?: string;
  /** Send these bytes with the creation request (tus creation-with-upload). */
  withBody?: Buffer;
  headers?: Record<string, string>;
}

/** Creates an upload at the endpoint the app uses (with its trailing slash). */
export async function createUpload(app: App, photo: Buffer, options: CreateOptions): Promise<Response> {
  const headers: Record<string, string> = {
    ...TUS,
    authorization: `Bearer ${options.token}`,
    'upload-length': String(photo.length),
    'upload-metadata': uploadMetadata(options.hash ?? sha256(photo), options.missionId),
    ...options.headers,
  };
  if (options.withBody) headers['content-type'] = 'application/offset+octet-stream';
  return await app.request('/api/photos/uploads/', {
    method: 'POST',
    headers,
    body: options.withBody ? new Uint8Array(options.withBody) : undefined,
  });
}

export async function patchUpload(
  app: App,
  url: string,
  token: string,
  offset: number,
  body: Buffer,
): Promise<Response> {
  return await app.request(url, {
    method: 'PATCH',
    headers: {
      ...TUS,
      authorization: `Bearer ${token}`,
      'upload-offset': String(offset),
      'content-type': 'application/offset+octet-stream',
    },
    body: new Uint8Array(body),
  });
}

export async function headUpload(app: App, url: string, token: string): Promise<Response> {
  return await app.request(url, { method: 'HEAD', headers: { ...TUS, authorization: `Bearer ${token}` } });
}

export async function deleteUpload(app: App, url: string, token: string): Promise<Response> {
  return await app.request(url, { method: 'DELETE', headers: { ...TUS, authorization: `Bearer ${token}` } });
}

/** Creates an upload and sends every byte in one PATCH; answers the last response. */
export async function uploadWhole(app: App, photo: Buffer, options: CreateOptions): Promise<Response> {
  const created = await createUpload(app, photo, options);
  if (created.status !== 201) return created;
  return patchUpload(app, created.headers.get('location')!, options.token, 0, photo);
}

export const uploadIdOf = (url: string) => url.split('/').at(-1)!;
