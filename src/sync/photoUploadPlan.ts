// Which photos to send, and which count as sent: the server is asked, per mission, which of the
// device's unconfirmed photos it lacks (`POST /api/photos/missing`). The server holds a photo per
// mission, so a photo used in two missions counts as sent only once both missions' answers leave
// it out. Nothing here sends bytes (photoUploadSend.ts does).
import type { PendingPhoto, SyncApi, SyncStore } from './ports';

/** Hashes per `missing` request (the server refuses more). */
const MISSING_QUERY_MAX_HASHES = 1000;

const pairKey = (photo: PendingPhoto) => `${photo.missionId}/${photo.hash}`;

/** What the server answered about each (mission, hash): held, lacking, or not known (no answer). */
export class ServerAnswers {
  private readonly held = new Map<string, boolean>();

  record(photo: PendingPhoto, held: boolean): void {
    this.held.set(pairKey(photo), held);
  }

  lacks(photo: PendingPhoto): boolean {
    return this.held.get(pairKey(photo)) === false;
  }

  holds(photo: PendingPhoto): boolean {
    return this.held.get(pairKey(photo)) === true;
  }

  /** Hashes every mission of which (among `pending`) said the server holds them. */
  confirmedHashes(pending: PendingPhoto[]): string[] {
    const missionsOf = new Map<string, PendingPhoto[]>();
    for (const photo of pending) missionsOf.set(photo.hash, [...(missionsOf.get(photo.hash) ?? []), photo]);
    return [...missionsOf].filter(([, uses]) => uses.every((use) => this.holds(use))).map(([hash]) => hash);
  }
}

/**
 * Asks the server, mission by mission, about `photos`, and records the answers. A failed question
 * goes to `onFailure` (which rethrows what stops the sync) and leaves its photos unknown.
 */
export async function askServer(
  api: SyncApi,
  photos: PendingPhoto[],
  answers: ServerAnswers,
  onFailure: (error: unknown) => void,
): Promise<void> {
  const byMission = new Map<string, string[]>();
  for (const { missionId, hash } of photos) {
    const hashes = byMission.get(missionId) ?? [];
    if (!hashes.includes(hash)) hashes.push(hash);
    byMission.set(missionId, hashes);
  }
  for (const [missionId, hashes] of byMission) {
    for (let i = 0; i < hashes.length; i += MISSING_QUERY_MAX_HASHES) {
      const slice = hashes.slice(i, i + MISSING_QUERY_MAX_HASHES);
      let missing: Set<string>;
      try {
        missing = new Set(await api.missingPhotos(missionId, slice));
      } catch (error) {
        onFailure(error);
        continue;
      }
      for (const hash of slice) answers.record({ missionId, hash }, !missing.has(hash));
    }
  }
}

/** Marks as sent every photo the server confirmed for all its missions. */
export async function markConfirmed(store: SyncStore, pending: PendingPhoto[], answers: ServerAnswers): Promise<void> {
  for (const hash of answers.confirmedHashes(pending)) await store.markPhotoUploaded(hash);
}

export interface PhotoToSend extends PendingPhoto {
  blob: Blob;
}

/** The photos the server said it lacks, with their bytes (a photo whose bytes are gone is skipped). */
export async function photosToSend(
  store: SyncStore,
  pending: PendingPhoto[],
  answers: ServerAnswers,
): Promise<PhotoToSend[]> {
  const toSend: PhotoToSend[] = [];
  for (const photo of pending) {
    if (!answers.lacks(photo)) continue;
    const blob = await store.readPhotoBlob(photo.hash);
    if (blob) toSend.push({ ...photo, blob });
  }
  return toSend;
}
