// One sync, start to end: push the outbox, pull what others changed, then photos (unless the link
// is metered and the person chose to wait). Text goes first: it is small and what others wait for.
// Every step can be cut at any point and re-run: each leaves the device consistent.
import { type HttpClient, StepFailures } from './http';
import { downloadPhotos } from './photoDownload';
import { uploadPhotos } from './photoUpload';
import type { SyncApi, SyncStore } from './ports';
import { pullChanges } from './pull';
import { pushOutbox } from './push';
import type { SyncStatusStore } from './status';

export interface EngineDeps {
  api: SyncApi;
  store: SyncStore;
  status: SyncStatusStore;
  client: HttpClient;
  makeThumbnail: (photo: Blob) => Promise<Blob>;
  /** True when the link is metered (cellular, data saver). */
  isMetered: () => boolean;
  now?: () => Date;
  pullLimit?: number;
  uploadRetryDelaysMs?: number[];
  /** Fixed photo upload chunks (tests of chunk boundaries); sized from the measured rate otherwise. */
  uploadChunkBytes?: number;
}

export interface SyncReport {
  pushed: number;
  rejected: number;
  pulled: number;
  photosDeferred: boolean;
}

/** Runs one full sync; throws a SyncError (or a store error) on failure, with the status phase reset. */
export async function runSync(deps: EngineDeps): Promise<SyncReport> {
  const { store, status } = deps;
  try {
    const { sent, rejected } = await pushOutbox(deps);
    const pulled = await pullChanges(deps);
    const photosDeferred = (await store.photosOnCheapNetworkOnly()) && deps.isMetered();
    // A photo refused must not keep the others from coming down: try both, then report.
    const photoFailures = new StepFailures();
    if (!photosDeferred) {
      await uploadPhotos(deps).catch(photoFailures.keep);
      await downloadPhotos(deps).catch(photoFailures.keep);
    }
    status.update({ photosDeferred });
    photoFailures.throwIfAny();
    await store.setLastSyncAt((deps.now?.() ?? new Date()).toISOString());
    status.update({ lastError: null });
    return { pushed: sent, rejected, pulled, photosDeferred };
  } finally {
    status.update({ phase: 'idle' });
  }
}
