// Photo download: photo records pulled from other devices whose bytes this device lacks are fetched
// from the server, checked against their SHA-256 (the hash is the photo's name: bytes that do not
// match are not stored) and kept with a thumbnail, marked as already on the server.
import { errorMessages } from '../shared/errors';
import { networkError, SyncError } from './http';
import type { SyncApi, SyncStore } from './ports';
import type { SyncStatusStore } from './status';

export interface PhotoDownloadDeps {
  api: SyncApi;
  store: SyncStore;
  status: SyncStatusStore;
  /** Makes the small picture shown in lists (the full photo when the browser cannot). */
  makeThumbnail: (photo: Blob) => Promise<Blob>;
}

export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Fetches missing photo bytes. Photos the server has not received yet are simply tried next time. */
export async function downloadPhotos({ api, store, status, makeThumbnail }: PhotoDownloadDeps): Promise<void> {
  const hashes = await store.photosWithoutBlob();
  if (hashes.length === 0) return;
  status.update({ phase: 'downloading-photos' });
  let firstError: SyncError | null = null;
  for (const hash of hashes) {
    let blob: Blob;
    try {
      blob = await api.downloadPhoto(hash);
    } catch (error) {
      if (error instanceof SyncError && error.code === 'photo-not-found') continue; // not uploaded yet
      if (!(error instanceof SyncError) || error.code === 'network' || error.needsLogin) throw error;
      firstError ??= error;
      continue;
    }
    let actual: string;
    try {
      actual = await sha256Hex(blob);
    } catch {
      throw networkError(); // the body was cut while being read
    }
    if (actual !== hash) {
      firstError ??= new SyncError('photo-hash-mismatch', errorMessages['photo-hash-mismatch']);
      continue;
    }
    await store.storeDownloadedPhoto(hash, blob, await makeThumbnail(blob));
  }
  if (firstError) throw firstError;
}
