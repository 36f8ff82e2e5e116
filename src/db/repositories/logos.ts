// The mission's logos for the report's title page. A logo is a `photos` record of usage 'logo'
// (its noteId is the mission's id) with its bytes in db.photoBlobs: so it is stored by hash,
// offline, uploaded for its mission, possessed by that mission on the server and downloaded by the
// other members exactly like a note's photo, and never readable from another mission.
import { useLiveQuery } from 'dexie-react-hooks';
import type { ProcessedPhoto } from '../../photos/messages';
import type { Photo } from '../../shared/model';
import { isLiveLogo, wouldExceedLogoLimit } from '../../shared/reportLogos';
import { deleteRecord, insertRecord, newRecordBase } from '../mutations';
import { db } from '../schema';

export const isLogo = (photo: Pick<Photo, 'usage'>) => photo.usage === 'logo';

/** The mission's logos in the order they were added (live records only). */
export async function missionLogos(missionId: string): Promise<Photo[]> {
  const photos = await db.photos.where('missionId').equals(missionId).sortBy('id');
  return photos.filter(isLiveLogo);
}

export function useMissionLogos(missionId: string): Photo[] | undefined {
  return useLiveQuery(() => missionLogos(missionId), [missionId]);
}

export class TooManyLogosError extends Error {
  constructor() {
    super('too-many-logos');
  }
}

/**
 * Adds a processed image as the mission's next logo. The same image twice keeps one logo; a fourth
 * is refused (TooManyLogosError; the server refuses it too: shared/reportLogos.ts). Record and
 * bytes are written in one transaction.
 */
export async function addMissionLogo(missionId: string, image: ProcessedPhoto): Promise<Photo> {
  return db.transaction('rw', db.photos, db.photoBlobs, db.outbox, async () => {
    const logos = await missionLogos(missionId);
    const existing = logos.find((p) => p.hash === image.hash);
    if (existing) return existing;
    if (wouldExceedLogoLimit(logos.length)) throw new TooManyLogosError();
    const stored = await db.photoBlobs.get(image.hash);
    if (!stored) await db.photoBlobs.add({ hash: image.hash, blob: image.blob, thumb: image.thumb, uploaded: 0 });
    // Bytes the server holds for another mission are confirmed (and sent) again for this one.
    else if (stored.uploaded === 1) await db.photoBlobs.update(image.hash, { uploaded: 0 });
    return insertRecord('photos', {
      ...newRecordBase(missionId),
      noteId: missionId,
      usage: 'logo',
      hash: image.hash,
      caption: '',
      mime: image.mime,
      width: image.width,
      height: image.height,
      bytes: image.bytes,
      takenAt: null,
      exifLat: null,
      exifLon: null,
      forReport: false,
    });
  });
}

/** Takes the logo off the title page (a synced deletion; the bytes stay like a removed photo's). */
export function removeMissionLogo(photoId: string) {
  return deleteRecord('photos', photoId);
}
