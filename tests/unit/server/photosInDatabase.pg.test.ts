// Photos and uploads kept in PostgreSQL (src/server/photos/pg/), where several processes act on the
// same rows at once: two processes finishing the same photo from uploads cut into different pieces
// never mix them; two writes at the same offset of one upload never both land; photos stored as
// files before 0007 are copied in only when their bytes match their name.
// PostgreSQL only (server-pg project).
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ERRORS, Upload } from '@tus/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDiskPhotosIntoDatabase } from '../../../src/server/photos/pg/copyDiskPhotos';
import { PgPhotoUploadStore } from '../../../src/server/photos/pg/pgUploadStore';
import { aMission } from '../../fixtures/builders';
import { createMutation } from '../../fixtures/mutations';
import { photoStorageOf } from './photoStorage';
import { jpegLike, sha256 } from './photosTus';
import { makeTestServer, type TestServer } from './support';

let server: TestServer;
const mission = aMission();

beforeAll(async () => {
  server = await makeTestServer();
  const member = await server.newUser('member');
  await server.push(member.token, [createMutation('missions', mission)]);
});
afterAll(() => server.close());

const storage = () => photoStorageOf(server);
let uploads = 0;
const nextUploadId = () => {
  uploads += 1;
  return uploads.toString(16).padStart(32, '0');
};

/** An upload whose bytes all arrived in `pieces` PATCHes, not finished yet (a crash right after). */
async function receivedUpload(store: PgPhotoUploadStore, photo: Buffer, pieces: number): Promise<string> {
  const id = nextUploadId();
  await store.create(
    new Upload({ id, size: photo.length, offset: 0, metadata: { hash: sha256(photo), missionId: mission.id } }),
  );
  const step = Math.ceil(photo.length / pieces);
  for (let offset = 0; offset < photo.length; offset += step) {
    await store.write(Readable.from([photo.subarray(offset, offset + step)]), id, offset);
  }
  return id;
}

describe('photos in PostgreSQL', () => {
  it('keeps the pieces of one upload when two processes finish the same photo at once', async () => {
    const photo = jpegLike(700 * 1024);
    const [one, two] = [new PgPhotoUploadStore(server.db, 60_000), new PgPhotoUploadStore(server.db, 60_000)];
    const a = await receivedUpload(one, photo, 7);
    const b = await receivedUpload(two, photo, 2);
    expect(await Promise.all([one.finish(a), two.finish(b)])).toEqual(['finished', 'finished']);
    expect((await storage().storedBytes(sha256(photo)))?.equals(photo)).toBe(true);
    // Neither upload keeps its bytes once finished.
    expect(await storage().received(a)).toBeNull();
    expect(await storage().received(b)).toBeNull();
  });

  it('lets only one of two writes at the same offset land', async () => {
    const store = new PgPhotoUploadStore(server.db, 60_000);
    const photo = jpegLike(50_000);
    const id = nextUploadId();
    await store.create(
      new Upload({ id, size: photo.length, offset: 0, metadata: { hash: sha256(photo), missionId: mission.id } }),
    );
    const results = await Promise.allSettled([
      store.write(Readable.from([photo.subarray(0, 20_000)]), id, 0),
      store.write(Readable.from([photo.subarray(0, 30_000)]), id, 0),
    ]);
    const landed = results.filter((r) => r.status === 'fulfilled');
    expect(landed).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: ERRORS.INVALID_OFFSET });
    const received = await storage().received(id);
    expect(received).toBe((landed[0] as PromiseFulfilledResult<number>).value);
  });

  it('copies photos stored as files before into the database, only when their bytes match their name', async () => {
    const good = jpegLike(1_500_000);
    const bad = jpegLike(2_000);
    const badName = sha256(jpegLike(2_000));
    for (const [name, bytes] of [
      [sha256(good), good],
      [badName, bad],
    ] as const) {
      const file = path.join(server.dataDir, 'photos', name.slice(0, 2), name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, bytes);
      await server.db
        .insertInto('photo_blobs')
        .values({ hash: name, bytes: bytes.length, mime: 'image/jpeg', stored_at: new Date().toISOString() })
        .execute();
    }
    expect(await copyDiskPhotosIntoDatabase(server.db, server.dataDir)).toBe(1);
    expect((await storage().storedBytes(sha256(good)))?.equals(good)).toBe(true);
    expect(await storage().storedBytes(badName)).toBeNull();
    // Run again (every start): nothing more to copy, nothing doubled.
    expect(await copyDiskPhotosIntoDatabase(server.db, server.dataDir)).toBe(0);
    expect((await storage().storedBytes(sha256(good)))?.equals(good)).toBe(true);
  });
});
