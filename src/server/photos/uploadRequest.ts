// What a tus request addresses and announces, checked before tus sees it: the upload id comes
// from the path alone (no query string, no encoded slash or backslash, so `<own id>?x=/<other id>`
// cannot name someone else's upload), and the creation metadata holds a SHA-256, a mission id of
// the shared id rule (no U+0000: PostgreSQL refuses it) and, optionally, a photo type.
import { Metadata } from '@tus/server';
import { isValidId } from '../../shared/ids';
import { sha256Schema } from '../../shared/protocol';
import { ApiError } from '../errors';
import { UPLOAD_ID } from './uploadStore';

/** Where the photo routes mount tus (the app's endpoint is this with a trailing slash). */
export const UPLOADS_PATH = '/api/photos/uploads';
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

export interface CreationMetadata {
  hash: string;
  missionId: string;
  filetype: string | null;
}

/** The upload id of a tus URL, or null when the URL is not exactly `/api/photos/uploads/<id>`. */
export function uploadIdOfUrl(url: string): string | null {
  const parsed = new URL(url, 'http://terrain.invalid');
  if (parsed.search || url.includes('?')) return null;
  if (!parsed.pathname.startsWith(`${UPLOADS_PATH}/`)) return null;
  const id = parsed.pathname.slice(UPLOADS_PATH.length + 1);
  return UPLOAD_ID.test(id) ? id : null;
}

/**
 * What a tus request aims at: the collection (creation) or one upload. Throws 400 for a query
 * string or an encoded separator, 404 for anything else that is not an upload address.
 */
export function uploadTarget(url: string): { id: string | null } {
  const parsed = new URL(url, 'http://terrain.invalid');
  if (parsed.search || url.includes('?')) throw new ApiError(400, 'bad-request', { reason: 'query-string' });
  if (/%(2f|5c)/i.test(parsed.pathname)) throw new ApiError(400, 'bad-request', { reason: 'encoded-separator' });
  if (parsed.pathname === UPLOADS_PATH || parsed.pathname === `${UPLOADS_PATH}/`) return { id: null };
  const id = uploadIdOfUrl(url);
  if (!id) throw new ApiError(404, 'not-found');
  return { id };
}

/** The creation's Upload-Metadata, checked; 400 invalid-body otherwise. */
export function parseCreationMetadata(header: string | undefined): CreationMetadata {
  let metadata: Record<string, string | null>;
  try {
    metadata = Metadata.parse(header);
  } catch {
    throw new ApiError(400, 'invalid-body', { reason: 'upload-metadata' });
  }
  const { hash, missionId, filetype } = metadata;
  if (!sha256Schema.safeParse(hash).success) throw new ApiError(400, 'invalid-body', { reason: 'hash' });
  if (!isValidId(missionId)) throw new ApiError(400, 'invalid-body', { reason: 'missionId' });
  // The stored type is read from the bytes; a type the app would not send is just not kept.
  return { hash: hash as string, missionId, filetype: filetype && PHOTO_TYPES.has(filetype) ? filetype : null };
}

/** The metadata the server stores with an upload: the checked keys and the uploader it knows. */
export function creationMetadata(metadata: CreationMetadata, uploaderId: string): Record<string, string> {
  return {
    hash: metadata.hash,
    missionId: metadata.missionId,
    ...(metadata.filetype ? { filetype: metadata.filetype } : {}),
    uploaderId,
  };
}
