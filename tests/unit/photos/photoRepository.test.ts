import { beforeEach, describe, expect, it } from 'vitest';
import { addNotePhoto, removeNotePhoto, setPhotoCaption } from '../../../src/db/repositories/photos';
import { isQuotaError } from '../../../src/db/repositories/storage';
import { db } from '../../../src/db/schema';
import type { ProcessedPhoto } from '../../../src/photos/messages';
import { photoSchema } from '../../../src/shared/model';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

function processed(hash = 'c'.repeat(64)): ProcessedPhoto {
  return {
    blob: new Blob(['jpeg bytes']),
    thumb: new Blob(['thumb']),
    hash,
    mime: 'image/jpeg',
    width: 1600,
    height: 1200,
    bytes: 10,
    takenAt: '2024-07-23T10:15:00.000Z',
    exifLat: 14.49,
    exifLon: -4.19,
  };
}

describe('storing a note photo', () => {
  it('writes the bytes by hash, a valid photo record and its outbox row together', async () => {
    const photo = await addNotePhoto('m1', 'n1', processed());
    expect(photoSchema.safeParse(photo).success).toBe(true);
    expect(photo).toMatchObject({
      noteId: 'n1',
      hash: 'c'.repeat(64),
      takenAt: '2024-07-23T10:15:00.000Z',
      exifLat: 14.49,
    });
    expect((await db.photoBlobs.get(photo.hash))?.uploaded).toBe(0);
    const outbox = await db.outbox.toArray();
    expect(outbox.map((o) => [o.table, o.recordId])).toEqual([['photos', photo.id]]);
  });

  it('keeps one photo when the same picture is chosen twice for a note', async () => {
    const first = await addNotePhoto('m1', 'n1', processed());
    const second = await addNotePhoto('m1', 'n1', processed());
    expect(second.id).toBe(first.id);
    expect(await db.photos.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('stores the bytes once when two notes use the same picture', async () => {
    await addNotePhoto('m1', 'n1', processed());
    await addNotePhoto('m1', 'n2', processed());
    expect(await db.photos.count()).toBe(2);
    expect(await db.photoBlobs.count()).toBe(1);
  });

  it('keeps neither bytes nor record when storage is full, and earlier photos stay', async () => {
    const kept = await addNotePhoto('m1', 'n1', processed('a'.repeat(64)));
    const original = db.outbox.add.bind(db.outbox);
    db.outbox.add = (() =>
      Promise.reject(new DOMException('full', 'QuotaExceededError'))) as unknown as typeof db.outbox.add;
    let failure: unknown;
    try {
      await addNotePhoto('m1', 'n1', processed('b'.repeat(64)));
    } catch (error) {
      failure = error;
    } finally {
      db.outbox.add = original;
    }
    expect(isQuotaError(failure)).toBe(true);
    expect(await db.photoBlobs.get('b'.repeat(64))).toBeUndefined();
    expect((await db.photos.toArray()).map((p) => p.id)).toEqual([kept.id]);
    expect(await db.photoBlobs.get('a'.repeat(64))).toBeDefined();
  });

  it('queues caption changes and keeps a tombstone when a photo is removed', async () => {
    const photo = await addNotePhoto('m1', 'n1', processed());
    await setPhotoCaption(photo.id, 'Forage de Kéra, vue nord');
    await removeNotePhoto(photo.id);
    const stored = await db.photos.get(photo.id);
    expect(stored?.caption).toBe('Forage de Kéra, vue nord');
    expect(stored?.deletedAt).toBeTruthy();
    expect(await db.photoBlobs.get(photo.hash)).toBeDefined();
    expect((await db.outbox.toArray()).map((o) => o.op)).toEqual(['put', 'put', 'delete']);
  });
});

describe('recognising a full storage', () => {
  it('finds the quota error however Dexie wraps it', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError(new Error('other', { cause: { name: 'QuotaExceededError' } }))).toBe(true);
    expect(isQuotaError(new Error('constraint'))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });
});
