// Photo download: photo records pulled from other devices whose bytes this device lacks are fetched
// from the server, checked against their SHA-256 (the hash is the photo's name: bytes that do not
// match are not stored) and kept with a thumbnail, marked as already on the server.
// Built for 2G: a download is cut only when no byte comes for a while (idleTimeout.ts), a cut one
// resumes after the bytes already received (kept in memory, within a sync and across syncs until
// the page is closed), and on a slow link photos come one at a time so each one finishes.
import { errorMessages } from '../shared/errors';
import { networkError, StepFailures, SyncError } from './http';
import { LinkMeter } from './linkMeter';
import type { PartialDownload, SyncApi, SyncStore } from './ports';
import type { SyncStatusStore } from './status';
import { runInFlight, transfersInFlight } from './transfersInFlight';

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
 * Photos fetched at once on a fast link: on a 100 ms link one at a time leaves the line idle for a
 * round trip per photo; a few in flight keep it busy without holding many photos in memory. On a
 * slow link they would share it and each take three times as long: one at a time, so each ends.
 */
const DOWNLOADS_IN_FLIGHT_FAST = 3;
/** A download cut after bytes arrived resumes at once, this many times per photo and sync. */
const RESUMES_PER_SYNC = 5;

/** Bytes received of photos not finished yet, per device store: kept until the page closes. */
const partialsOf = new WeakMap<SyncStore, Map<string, PartialDownload>>();
/** The last rate measured per device store, so a sync starts with what the previous one learnt. */
const lastRateOf = new WeakMap<SyncStore, number>();

/** Fetches missing photo bytes. Photos the server has not received yet are simply tried next time. */
export async function downloadPhotos({ api, store, status, makeThumbnail }: PhotoDownloadDeps): Promise<void> {
  const queue = await store.photosWithoutBlob();
  const partials = partialsOf.get(store) ?? new Map<string, PartialDownload>();
  partialsOf.set(store, partials);
  for (const hash of partials.keys()) if (!queue.includes(hash)) partials.delete(hash);
  if (queue.length === 0) return;
  status.update({ phase: 'downloading-photos' });
  const failures = new StepFailures();
  const meter = new LinkMeter();

  /** Downloads (resuming after each cut that brought bytes) until the whole photo is here. */
  async function fetchWhole(hash: string, partial: PartialDownload): Promise<Blob> {
    for (let resumes = 0; ; resumes++) {
      const before = partial.received;
      meter.begin();
      try {
        return await api.downloadPhoto(hash, partial);
      } catch (error) {
        const progressed = partial.received > before;
        if (!(error instanceof SyncError && error.code === 'network' && progressed && resumes < RESUMES_PER_SYNC)) {
          throw error;
        }
      } finally {
        meter.end(partial.received - before);
      }
    }
  }

  async function fetchOne(hash: string): Promise<void> {
    const partial = partials.get(hash) ?? { chunks: [], received: 0 };
    partials.set(hash, partial);
    let blob: Blob;
    try {
      blob = await fetchWhole(hash, partial);
    } catch (error) {
      if (error instanceof SyncError && error.code === 'photo-not-found') return; // not uploaded yet
      failures.keep(error);
      return;
    }
    partials.delete(hash); // whatever the check says: bytes that do not match are not resumed
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

  // A failure that ends the sync (no network, no session) stops starting photos; the ones running
  // end first. How many run at once follows the rate measured so far.
  const allowed = () => transfersInFlight(meter.bitsPerSecond() ?? lastRateOf.get(store), DOWNLOADS_IN_FLIGHT_FAST);
  try {
    await runInFlight(queue, allowed, fetchOne);
  } finally {
    const rate = meter.bitsPerSecond();
    if (rate !== null) lastRateOf.set(store, rate);
  }
  failures.throwIfAny();
}
