// Photo upload, the sync step: ask the server which of the device's unconfirmed photos it lacks
// (per mission), send those (tus, resumable; one at a time on a slow link, two on a fast one, so
// the link is not idle for a round trip between photos), then ask again. A photo counts as sent
// only when the server's answer says it holds it, for every mission using it: tus reporting success
// is not enough (a server that died between the last byte and storing the photo answers "complete"
// for an upload it never kept). Bytes are never deleted here.
import { photoNotConfirmedError, StepFailures } from './http';
import { askServer, markConfirmed, type PhotoToSend, photosToSend, ServerAnswers } from './photoUploadPlan';
import { type PhotoSendDeps, sendPhoto, uploadRateOf } from './photoUploadSend';
import type { SyncApi } from './ports';
import type { SyncStatusStore } from './status';
import { runInFlight, transfersInFlight } from './transfersInFlight';

/**
 * Uploads at once on a fast link: the next photo's bytes fill the round trip the previous one waits
 * for its answer (30 photos of 3 MB on 10/5 Mbit/s with 100 ms: 1.05× the floor one at a time).
 */
const UPLOADS_IN_FLIGHT_FAST = 2;

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
  /** Bytes of the photos tried to the end, and bytes sent so far of each photo on its way. */
  let done = 0;
  const sending = new Map<PhotoToSend, number>();
  const sentBytes = () => done + [...sending.values()].reduce((sum, sent) => sum + sent, 0);

  async function sendOne(photo: PhotoToSend): Promise<void> {
    sending.set(photo, 0);
    try {
      await sendPhoto(
        deps,
        photo,
        (sent) => {
          sending.set(photo, sent);
          status.progress({ photoBytesSent: sentBytes() });
        },
        () => sending.size,
      );
      finished.push(photo);
    } catch (error) {
      // Refused (e.g. the bytes did not match their hash): this upload is not resumed, next time
      // starts afresh. A server failure keeps its address: the upload resumes where it stopped.
      // What stops the sync (no network, no session) is rethrown by keep.
      if (failures.keep(error) === 'refused') await store.saveUploadUrl(photo, null);
    } finally {
      sending.delete(photo);
      done += photo.blob.size;
      status.progress({ photoBytesSent: sentBytes(), photosSent: finished.length });
    }
  }

  // A failure that ends the sync stops starting photos; the ones running end first. How many run
  // at once follows the upload rate measured so far.
  await runInFlight(toSend, () => transfersInFlight(uploadRateOf(store).get(), UPLOADS_IN_FLIGHT_FAST), sendOne);

  // Asked again for every photo tried (a failed answer may hide a photo that did arrive).
  await askServer(api, toSend, answers, failures.keep);
  await markConfirmed(store, pending, answers);
  // Finished for tus yet not held: this upload is useless, the next sync starts afresh. Said aloud.
  const lost = finished.filter((photo) => answers.lacks(photo));
  for (const photo of lost) await store.saveUploadUrl(photo, null);
  if (lost.length > 0) failures.keep(photoNotConfirmedError(lost.length));
  failures.throwIfAny();
}
