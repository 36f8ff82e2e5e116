// Photos of visit notes: the record (db.photos, synced through the outbox) and its bytes
// (db.photoBlobs, keyed by SHA-256, so the same picture is stored and uploaded once). Both are
// written in one transaction: a photo record never exists without its bytes, nor bytes without a record.
import { useLiveQuery } from 'dexie-react-hooks';
import type { ProcessedPhoto } from '../../photos/messages';
import type { Photo } from '../../shared/model';
import { deleteRecord, insertRecord, newRecordBase, updateRecord } from '../mutations';
import { db, type PhotoBlob } from '../schema';

/**
 * Stores a processed photo for a note. Choosing the same picture twice for one note keeps one
 * photo (the existing record is returned), so a retried import never duplicates.
 */
export async function addNotePhoto(missionId: string, noteId: string, photo: ProcessedPhoto): Promise<Photo> {
  return db.transaction('rw', db.photos, db.photoBlobs, db.outbox, async () => {
    const existing = await db.photos
      .where('noteId')
      .equals(noteId)
      .filter((p) => p.hash === photo.hash && !p.deletedAt)
      .first();
    if (existing) return existing;
    const stored = await db.photoBlobs.get(photo.hash);
    if (!stored) {
      await db.photoBlobs.add({ hash: photo.hash, blob: photo.blob, thumb: photo.thumb, uploaded: 0 });
    } else if (stored.uploaded === 1) {
      // The server holds a photo per mission: bytes sent for another mission are confirmed (and
      // sent if need be) again for this one at the next sync.
      await db.photoBlobs.update(photo.hash, { uploaded: 0 });
    }
    return insertRecord('photos', {
      ...newRecordBase(missionId),
      noteId,
      hash: photo.hash,
      caption: '',
      mime: photo.mime,
      width: photo.width,
      height: photo.height,
      bytes: photo.bytes,
      takenAt: photo.takenAt,
      exifLat: photo.exifLat,
      exifLon: photo.exifLon,
      forReport: true,
    });
  });
}

/** A note's photos in the order they were added. */
export function useNotePhotos(noteId: string): Photo[] | undefined {
  return useLiveQuery(async () => {
    const photos = await db.photos.where('noteId').equals(noteId).sortBy('id');
    return photos.filter((p) => !p.deletedAt);
  }, [noteId]);
}

/** The stored bytes of a photo (full size and thumbnail). */
export function usePhotoBlob(hash: string): PhotoBlob | null | undefined {
  return useLiveQuery(async () => (await db.photoBlobs.get(hash)) ?? null, [hash]);
}

export function setPhotoCaption(photoId: string, caption: string) {
  return updateRecord('photos', photoId, { caption });
}

export function setPhotoForReport(photoId: string, forReport: boolean) {
  return updateRecord('photos', photoId, { forReport });
}

/** Removes the photo from its note. Its bytes stay until sync knows no other record needs them. */
export function removeNotePhoto(photoId: string) {
  return deleteRecord('photos', photoId);
}
