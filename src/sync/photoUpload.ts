// Photo upload, the sync step: ask the server which of the device's unconfirmed photos it lacks
// (per mission), send those one at a time (tus, resumable), then ask again. A photo counts as sent
// only when the server's answer says it holds it, for every mission using it: tus reporting success
// is not enough (a server that died between the last byte and storing the photo answers "complete"
// for an upload it never kept). Bytes are never deleted here.
import { photoNotConfirmedError, StepFailures } from './http';
import { askServer, markConfirmed, photosToSend, ServerAnswers } from './photoUploadPlan';
import { type PhotoSendDeps, sendPhoto } from './photoUploadSend';
import type { SyncApi } from './ports';
import type { SyncStatusStore } from './status';

export interface PhotoUploadDeps extends PhotoSendDeps {
  api: SyncApi;
  status: SyncStatusStore;
}

/**
 * Sends the photos the server lacks and marks those it confirms. Throws what stops the sync at
 * once; any other failure after every photo was tried (see classifySyncFailure).
 */
export async function uploadPhotos(deps: PhotoUploadDeps): Promise<void> {
  const { api, store, status } = deps;
  const pending = await store.pendingPhotoUploads();
  if (pending.length === 0) return;
  status.update({ phase: 'uploading-photos' });
  const failures = new StepFailures();

  const answers = new ServerAnswers();
  await askServer(api, pending, answers, failures.keep);
  await markConfirmed(store, pending, answers);
  const toSend = await photosToSend(store, pending, answers);
  if (toSend.length === 0) return failures.throwIfAny();

  const total = toSend.reduce((sum, p) => sum + p.blob.size, 0);
  status.progress({ photoBytesSent: 0, photoBytesTotal: total, photosSent: 0, photosTotal: toSend.length });
  const finished: typeof toSend = [];
  let done = 0;
  for (const photo of toSend) {
    try {
      await sendPhoto(deps, photo, (sent) => status.progress({ photoBytesSent: done + sent }));
      finished.push(photo);
    } catch (error) {
      // Refused (e.g. the bytes did not match their hash): this upload is not resumed, next time
      // starts afresh. A server failure keeps its address: the upload resumes where it stopped.
      if (failures.keep(error) === 'refused') await store.saveUploadUrl(photo, null);
    }
    done += photo.blob.size;
    status.progress({ photoBytesSent: done, photosSent: finished.length });
  }

  // Asked again for every photo tried (a failed answer may hide a photo that did arrive).
  await askServer(api, toSend, answers, failures.keep);
  await markConfirmed(store, pending, answers);
  // Finished for tus yet not held: this upload is useless, the next sync starts afresh. Said aloud.
  const lost = finished.filter((photo) => answers.lacks(photo));
  for (const photo of lost) await store.saveUploadUrl(photo, null);
  if (lost.length > 0) failures.keep(photoNotConfirmedError(lost.length));
  failures.throwIfAny();
}
