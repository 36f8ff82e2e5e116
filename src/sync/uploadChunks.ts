// How big a photo upload's next chunk is. Each chunk waits a round trip for its answer, so on a
// good link small chunks leave it idle between them (256 KiB on 10/5 Mbit/s with 100 ms: 355
// requests and 1.31× the floor for 30 photos of 3 MB). A chunk sized to take about four seconds at
// the rate measured on the previous one keeps the link busy; the server keeps a partial chunk, so a
// cut loses nothing more with big ones. On 2G/3G the minimum applies, as before.
import { UPLOAD_CHUNK_BYTES } from '../shared/constants';

export const UPLOAD_CHUNK_TARGET_SECONDS = 4;
export const UPLOAD_CHUNK_MIN_BYTES = UPLOAD_CHUNK_BYTES;
export const UPLOAD_CHUNK_MAX_BYTES = 8 * 1024 * 1024;

/**
 * The next chunk for `remaining` bytes at `bitsPerSecond` (null: not measured yet). On a link fast
 * enough for chunks above the minimum, a tail under half a chunk goes with this one (a request saved
 * for a second more); on a slow or unmeasured link chunks stay at the minimum, as they always were.
 */
export function nextChunkBytes(bitsPerSecond: number | null, remaining: number): number {
  const sized = bitsPerSecond === null ? 0 : (bitsPerSecond / 8) * UPLOAD_CHUNK_TARGET_SECONDS;
  if (sized <= UPLOAD_CHUNK_MIN_BYTES) return UPLOAD_CHUNK_MIN_BYTES;
  const target = Math.round(Math.min(UPLOAD_CHUNK_MAX_BYTES, sized));
  if (remaining <= target * 1.5 && remaining <= UPLOAD_CHUNK_MAX_BYTES) return Math.max(1, remaining);
  return target;
}

/** Below this, a chunk's time says more about the round trip than about the link. */
const MIN_MEASURED_BYTES = 64 * 1024;

/** The upload rate of the last chunk big enough to tell (per device: kept from photo to photo). */
export class UploadRate {
  private bitsPerSecond: number | null = null;

  /** A request carrying `bytes` got its answer `ms` after it started. */
  record(bytes: number, ms: number): void {
    if (bytes >= MIN_MEASURED_BYTES && ms > 0) this.bitsPerSecond = (bytes * 8 * 1000) / ms;
  }

  get(): number | null {
    return this.bitsPerSecond;
  }
}
