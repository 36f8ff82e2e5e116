// Sending one photo's bytes with tus, in resumable chunks. The upload's address is kept in the
// store (per photo and mission), so after a cut or a reload it resumes at the server's offset.
// tus reporting success only means the bytes arrived: whether the server kept the photo is asked
// afterwards (photoUploadPlan.ts).
import { DetailedError, Upload } from 'tus-js-client';
import { type ErrorCode, errorMessages } from '../shared/errors';
import { type HttpClient, networkError, SyncError } from './http';
import type { PhotoToSend } from './photoUploadPlan';
import type { SyncStore } from './ports';
import { blobFileReader, FetchHttpStack } from './tusFetch';
import { nextChunkBytes, UploadRate } from './uploadChunks';

/** Waits between tus retries on a flaky link, before the whole sync gives up and backs off. */
export const UPLOAD_RETRY_DELAYS_MS = [0, 1_000, 3_000, 5_000, 10_000];

export interface PhotoSendDeps {
  store: SyncStore;
  client: HttpClient;
  /** tus's own retries within one sync (default UPLOAD_RETRY_DELAYS_MS). */
  uploadRetryDelaysMs?: number[];
  /** Chunks of this size always, instead of sized from the measured rate (tests of chunk boundaries). */
  uploadChunkBytes?: number;
}

/** The upload rate last measured per device store: the next photo starts with chunks of its size. */
const rateOf = new WeakMap<SyncStore, UploadRate>();

/** The link's upload rate as last measured for this device store (kept from photo to photo and sync to sync). */
export function uploadRateOf(store: SyncStore): UploadRate {
  let rate = rateOf.get(store);
  if (!rate) {
    rate = new UploadRate();
    rateOf.set(store, rate);
  }
  return rate;
}

/** A tus failure in the app's terms: the server's named error, or `network`. */
function toSyncError(error: unknown): SyncError {
  const response = error instanceof DetailedError ? error.originalResponse : null;
  if (!response) return networkError();
  const status = response.getStatus();
  try {
    const body = JSON.parse(response.getBody()) as { error?: { code?: string; message?: string } };
    const code = body.error?.code;
    if (code && code in errorMessages) return new SyncError(code as ErrorCode, body.error?.message ?? '', status);
  } catch {
    // Not our JSON (a tus-level refusal): fall through.
  }
  if (status === 401) return new SyncError('unauthorized', errorMessages.unauthorized, 401);
  const code = status >= 500 ? 'internal' : 'bad-request';
  return new SyncError(code, errorMessages[code], status);
}

/**
 * 409: the offset sent was not the server's (a chunk arrived but its answer was lost, and the
 * request went again). The upload is fine: resuming it asks the server's offset (HEAD) and goes on.
 */
const OFFSET_MISMATCH = 409;
const RESUMES_AFTER_OFFSET_MISMATCH = 3;

/**
 * Sends one photo's bytes (or resumes its upload); rejects with a SyncError. `sharing`: how many
 * uploads share the link when a request is answered (each got that share of it: the link's rate,
 * which sizes the chunks, is its rate times that).
 */
export async function sendPhoto(
  deps: PhotoSendDeps,
  photo: PhotoToSend,
  onBytes: (sent: number) => void,
  sharing: () => number = () => 1,
): Promise<void> {
  for (let resumes = 0; ; resumes++) {
    try {
      return await sendFromServerOffset(deps, photo, onBytes, sharing);
    } catch (error) {
      const mismatch = error instanceof SyncError && error.status === OFFSET_MISMATCH;
      if (!mismatch || resumes >= RESUMES_AFTER_OFFSET_MISMATCH || !(await deps.store.readUploadUrl(photo)))
        throw error;
    }
  }
}

/** One tus run: resumes the kept upload at the server's offset (HEAD), or creates one. */
async function sendFromServerOffset(
  deps: PhotoSendDeps,
  photo: PhotoToSend,
  onBytes: (sent: number) => void,
  sharing: () => number,
): Promise<void> {
  const { store, client } = deps;
  const token = await client.token();
  const uploadUrl = await store.readUploadUrl(photo);
  const rate = uploadRateOf(store);
  const chunkFor = (remaining: number) => deps.uploadChunkBytes ?? nextChunkBytes(rate.get(), remaining);
  let saving: Promise<void> = Promise.resolve();
  await new Promise<void>((resolve, reject) => {
    const upload = new Upload(photo.blob, {
      endpoint: `${client.baseUrl}/api/photos/uploads/`,
      uploadUrl,
      uploadSize: photo.blob.size,
      // Sized from the rate measured so far, again after each chunk (tus reads it for every chunk).
      // A resumed upload's first chunk may be too big by what the server already holds: harmless.
      chunkSize: chunkFor(photo.blob.size),
      // The first chunk travels with the creation request (tus creation-with-upload): one round
      // trip less per photo, and a photo smaller than a chunk goes in a single request.
      uploadDataDuringCreation: true,
      retryDelays: deps.uploadRetryDelaysMs ?? UPLOAD_RETRY_DELAYS_MS,
      metadata: { hash: photo.hash, missionId: photo.missionId, filetype: photo.blob.type || 'image/jpeg' },
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      storeFingerprintForResuming: false,
      httpStack: new FetchHttpStack(client.fetch, (bytes, ms) => rate.record(bytes * sharing(), ms)),
      fileReader: blobFileReader,
      onUploadUrlAvailable: () => {
        saving = store.saveUploadUrl(photo, upload.url);
      },
      onProgress: (sent) => onBytes(sent),
      onChunkComplete: (_chunk, accepted, total) => {
        upload.options.chunkSize = chunkFor(total - accepted);
      },
      onSuccess: () => resolve(),
      onError: (error) => saving.then(() => reject(toSyncError(error)), reject),
    });
    upload.start();
  });
  await saving;
}
