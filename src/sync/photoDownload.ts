// Photo download: photo records pulled from other devices whose bytes this device lacks are fetched
// from the server, checked against their SHA-256 (the hash is the photo's name: bytes that do not
// match are not stored) and kept with a thumbnail, marked as already on the server.
import { errorMessages } from '../shared/errors';
import { networkError, StepFailures, SyncError } from './http';
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

/**
 * Photos fetched at the same time: on a 100 ms link one at a time leaves the line idle for a round
 * trip per photo; a few in flight keep it busy without holding many photos in memory.
 */
const DOWNLOADS_IN_FLIGHT = 3;

/** Fetches missing photo bytes. Photos the server has not received yet are simply tried next time. */
export async function downloadPhotos({ api, store, status, makeThumbnail }: PhotoDownloadDeps): Promise<void> {
  const queue = await store.photosWithoutBlob();
  if (queue.length === 0) return;
  status.update({ phase: 'downloading-photos' });
  const failures = new StepFailures();

  async function fetchOne(hash: string): Promise<void> {
    let blob: Blob;
    try {
      blob = await api.downloadPhoto(hash);
    } catch (error) {
      if (error instanceof SyncError && error.code === 'photo-not-found') return; // not uploaded yet
      failures.keep(error);
      return;
    }
    let actual: string;
    try {
      actual = await sha256Hex(blob);
    } catch {
      throw networkError(); // the body was cut while being read
    }
    if (actual !== hash) {
      failures.keep(new SyncError('photo-hash-mismatch', errorMessages['photo-hash-mismatch']));
      return;
    }
    await store.storeDownloadedPhoto(hash, blob, await makeThumbnail(blob));
  }

  // A failure that ends the sync (no network, no session) stops every worker before its next photo.
  let fatal: unknown = null;
  const worker = async () => {
    for (let hash = queue.shift(); hash && !fatal; hash = queue.shift()) {
      await fetchOne(hash).catch((error) => {
        fatal ??= error;
      });
    }
  };
  await Promise.all(Array.from({ length: DOWNLOADS_IN_FLIGHT }, worker));
  if (fatal) throw fatal;
  failures.throwIfAny();
}
