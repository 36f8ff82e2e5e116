// Photo upload: ask the server which of the device's unconfirmed photo hashes it lacks, per mission,
// then send only those, one at a time, in resumable tus chunks. The upload address of each photo is
// kept in the store, so after a cut (or a reload) the upload resumes at the server's offset. A photo
// is marked uploaded once the server holds it; its bytes are never deleted here.
import { DetailedError, Upload } from 'tus-js-client';
import { UPLOAD_CHUNK_BYTES } from '../shared/constants';
import { type ErrorCode, errorMessages } from '../shared/errors';
import { type HttpClient, networkError, SyncError } from './http';
import type { SyncApi, SyncStore } from './ports';
import type { SyncStatusStore } from './status';
import { blobFileReader, FetchHttpStack } from './tusFetch';

/** Waits between tus retries on a flaky link, before the whole sync gives up and backs off. */
const UPLOAD_RETRY_DELAYS_MS = [0, 1_000, 3_000, 5_000, 10_000];
const MISSING_QUERY_MAX_HASHES = 1000;

export interface PhotoUploadDeps {
  api: SyncApi;
  store: SyncStore;
  status: SyncStatusStore;
  client: HttpClient;
  /** tus's own retries within one sync (default UPLOAD_RETRY_DELAYS_MS). */
  uploadRetryDelaysMs?: number[];
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
  return new SyncError(
    status >= 500 ? 'internal' : 'bad-request',
    errorMessages[status >= 500 ? 'internal' : 'bad-request'],
    status,
  );
}

async function uploadOne(
  deps: PhotoUploadDeps,
  photo: { hash: string; missionId: string; blob: Blob },
  onBytes: (sent: number) => void,
): Promise<void> {
  const { store, client } = deps;
  const token = await client.token();
  const uploadUrl = await store.readUploadUrl(photo.hash);
  let saving: Promise<void> = Promise.resolve();
  await new Promise<void>((resolve, reject) => {
    const upload = new Upload(photo.blob, {
      endpoint: `${client.baseUrl}/api/photos/uploads/`,
      uploadUrl,
      uploadSize: photo.blob.size,
      chunkSize: UPLOAD_CHUNK_BYTES,
      // The first chunk travels with the creation request (tus creation-with-upload): one round
      // trip less per photo, and a photo smaller than a chunk goes in a single request.
      uploadDataDuringCreation: true,
      retryDelays: deps.uploadRetryDelaysMs ?? UPLOAD_RETRY_DELAYS_MS,
      metadata: { hash: photo.hash, missionId: photo.missionId, filetype: photo.blob.type || 'image/jpeg' },
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      storeFingerprintForResuming: false,
      httpStack: new FetchHttpStack(client.fetch),
      fileReader: blobFileReader,
      onUploadUrlAvailable: () => {
        saving = store.saveUploadUrl(photo.hash, upload.url);
      },
      onProgress: (sent) => onBytes(sent),
      onSuccess: () => resolve(),
      onError: (error) => reject(toSyncError(error)),
    });
    upload.start();
  });
  await saving;
}

/** Sends the photos the server lacks. Throws the first failure after trying every photo it can. */
export async function uploadPhotos(deps: PhotoUploadDeps): Promise<void> {
  const { api, store, status } = deps;
  const pending = await store.pendingPhotoUploads();
  if (pending.length === 0) return;
  status.update({ phase: 'uploading-photos' });
  let firstError: SyncError | null = null;
  const keep = (error: unknown) => {
    if (!(error instanceof SyncError) || error.code === 'network' || error.needsLogin) throw error;
    firstError ??= error;
  };

  const toSend = new Map<string, { hash: string; missionId: string; blob: Blob }>();
  const missions = [...new Set(pending.map((p) => p.missionId))];
  for (const missionId of missions) {
    const hashes = pending.filter((p) => p.missionId === missionId && !toSend.has(p.hash)).map((p) => p.hash);
    for (let i = 0; i < hashes.length; i += MISSING_QUERY_MAX_HASHES) {
      const slice = hashes.slice(i, i + MISSING_QUERY_MAX_HASHES);
      const missing = await api.missingPhotos(missionId, slice).catch((error) => {
        keep(error);
        return null;
      });
      if (!missing) continue;
      for (const hash of slice) {
        if (!missing.includes(hash)) await store.markPhotoUploaded(hash);
        else if (!toSend.has(hash)) {
          const blob = await store.readPhotoBlob(hash);
          if (blob) toSend.set(hash, { hash, missionId, blob });
        }
      }
    }
  }

  const total = [...toSend.values()].reduce((sum, p) => sum + p.blob.size, 0);
  status.progress({ photoBytesSent: 0, photoBytesTotal: total });
  let done = 0;
  for (const photo of toSend.values()) {
    try {
      await uploadOne(deps, photo, (sent) => status.progress({ photoBytesSent: done + sent }));
      await store.markPhotoUploaded(photo.hash);
    } catch (error) {
      // Refused for good (e.g. the bytes did not match their hash): start afresh next time.
      if (error instanceof SyncError && error.status >= 400 && error.status < 500 && !error.needsLogin) {
        await store.saveUploadUrl(photo.hash, null);
      }
      keep(error);
    }
    done += photo.blob.size;
    status.progress({ photoBytesSent: done });
  }
  if (firstError) throw firstError;
}
