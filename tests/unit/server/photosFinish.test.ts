// A photo whose last byte reached the server is kept, whatever happens next: a small photo sent
// with its creation request is stored and answered 201 (not 404), an upload the server was killed
// in the middle of finishing is finished at the next start or on the next HEAD, and refused bytes
// (wrong hash, not an image) leave nothing behind.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../src/server/app';
import { UPLOAD_CHUNK_BYTES } from '../../../src/shared/constants';
import { aMission } from '../../fixtures/builders';
import { createMutation } from '../../fixtures/mutations';
import { photoStorageOf } from './photoStorage';
import { createUpload, headUpload, jpegLike, patchUpload, sha256, uploadIdOf, uploadWhole } from './photosTus';
import { errorCode, makeTestServer, type TestServer } from './support';

let server: TestServer;
let member: Awaited<ReturnType<TestServer['newUser']>>;
const mission = aMission();

beforeAll(async () => {
  server = await makeTestServer();
  member = await server.newUser('member');
  await server.push(member.token, [createMutation('missions', mission)]);
});
afterAll(() => server.close());

const storage = () => photoStorageOf(server);

async function isStored(hash: string): Promise<boolean> {
  const row = await server.db.selectFrom('photo_blobs').select('hash').where('hash', '=', hash).executeTakeFirst();
  return row !== undefined && (await storage().storedBytes(hash)) !== null;
}

/** The state a SIGKILL leaves just after the last byte was written: full data file, config, no photo. */
async function crashedUpload(photo: Buffer): Promise<string> {
  const created = await createUpload(server.app, photo, { token: member.token, missionId: mission.id });
  expect(created.status).toBe(201);
  const url = created.headers.get('location')!;
  await storage().writeWholeUpload(uploadIdOf(url), photo);
  expect(await isStored(sha256(photo))).toBe(false);
  return url;
}

const restart = () =>
  createApp({ distDir: path.join(server.dataDir, 'dist'), version: 'test', db: server.db, dataDir: server.dataDir });

describe('finishing an upload', () => {
  it('stores a photo smaller than a chunk sent with its creation request, answers 201 and HEAD complete', async () => {
    const photo = jpegLike(200 * 1024);
    expect(photo.length).toBeLessThan(UPLOAD_CHUNK_BYTES);
    const res = await createUpload(server.app, photo, { token: member.token, missionId: mission.id, withBody: photo });
    expect(res.status).toBe(201);
    expect(Number(res.headers.get('upload-offset'))).toBe(photo.length);
    const url = res.headers.get('location')!;
    expect(url).toMatch(/^\/api\/photos\/uploads\/[0-9a-f]{32}$/);
    expect((await storage().storedBytes(sha256(photo)))?.equals(photo)).toBe(true);

    // A device that lost the answer asks again: the upload is complete, nothing to send.
    const head = await headUpload(server.app, url, member.token);
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('upload-offset'))).toBe(photo.length);
    expect(Number(head.headers.get('upload-length'))).toBe(photo.length);
  });

  it('finishes at start-up an upload whose last byte arrived just before the server was killed', async () => {
    const photo = jpegLike(70_000);
    const hash = sha256(photo);
    await crashedUpload(photo);
    restart();
    await vi.waitFor(async () => expect(await isStored(hash)).toBe(true), { timeout: 15_000, interval: 50 });
    expect((await storage().storedBytes(hash))?.equals(photo)).toBe(true);
  }, 30_000);

  it('finishes such an upload when the device asks for its offset, before answering complete', async () => {
    const photo = jpegLike(90_000);
    const hash = sha256(photo);
    const url = await crashedUpload(photo);
    const app = restart();
    const head = await headUpload(app, url, member.token);
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('upload-offset'))).toBe(photo.length);
    // "Complete" is only said once the photo is in the store, its hash verified.
    expect(await isStored(hash)).toBe(true);
    expect(sha256((await storage().storedBytes(hash)) ?? Buffer.alloc(0))).toBe(hash);
    const again = await headUpload(app, url, member.token);
    expect(again.status).toBe(200);
    expect(Number(again.headers.get('upload-offset'))).toBe(photo.length);
  });

  it('answers 404 on HEAD for a complete upload whose bytes do not match, so the device sends it afresh', async () => {
    const photo = jpegLike(5_000);
    const created = await createUpload(server.app, photo, {
      token: member.token,
      missionId: mission.id,
      hash: sha256(jpegLike(10)),
    });
    const url = created.headers.get('location')!;
    await storage().writeWholeUpload(uploadIdOf(url), photo);
    const head = await headUpload(restart(), url, member.token);
    expect(head.status).toBe(404);
    expect(await storage().uploadExists(uploadIdOf(url))).toBe(false);
  });

  it('refuses bytes that are not a JPEG, PNG or WebP image: 415 photo-not-image, nothing kept', async () => {
    const text = Buffer.from('<html><script>alert(1)</script></html>'.repeat(100));
    const created = await createUpload(server.app, text, { token: member.token, missionId: mission.id });
    const url = created.headers.get('location')!;
    const res = await patchUpload(server.app, url, member.token, 0, text);
    expect(res.status).toBe(415);
    expect(await errorCode(res)).toBe('photo-not-image');
    expect(await isStored(sha256(text))).toBe(false);
    expect(await storage().uploadExists(uploadIdOf(url))).toBe(false);
  });

  it('keeps PNG and WebP photos with the type their bytes say', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), jpegLike(500)]);
    const webp = Buffer.concat([
      Buffer.from('RIFF'),
      Buffer.from([1, 2, 0, 0]),
      Buffer.from('WEBPVP8 '),
      jpegLike(500),
    ]);
    for (const [bytes, mime] of [
      [png, 'image/png'],
      [webp, 'image/webp'],
    ] as const) {
      const res = await uploadWhole(server.app, bytes, { token: member.token, missionId: mission.id });
      expect(res.status).toBe(204);
      const row = await server.db
        .selectFrom('photo_blobs')
        .select('mime')
        .where('hash', '=', sha256(bytes))
        .executeTakeFirstOrThrow();
      expect(row.mime).toBe(mime);
    }
  });

  it('answers a PATCH of zero bytes on a finished upload with its full offset, not an error', async () => {
    const photo = jpegLike(3_000);
    const created = await createUpload(server.app, photo, {
      token: member.token,
      missionId: mission.id,
      withBody: photo,
    });
    const url = created.headers.get('location')!;
    const res = await patchUpload(server.app, url, member.token, photo.length, Buffer.alloc(0));
    expect(res.status).toBe(204);
    expect(Number(res.headers.get('upload-offset'))).toBe(photo.length);
  });
});

describe('the upload sweep (at start and every hour)', () => {
  it('removes expired uploads, finished marks included, and keeps recent ones', async () => {
    const { uploadStoreFor } = await import('../../../src/server/photos/tus');
    const store = uploadStoreFor(server.db, server.dataDir, 1000);
    const photo = jpegLike(4_000);
    const open = await createUpload(server.app, photo, { token: member.token, missionId: mission.id });
    const finished = jpegLike(2_000);
    const done = await createUpload(server.app, finished, {
      token: member.token,
      missionId: mission.id,
      withBody: finished,
    });
    expect(done.status).toBe(201);
    const ids = [open, done].map((res) => uploadIdOf(res.headers.get('location')!));
    await store.sweep(Date.now());
    for (const id of ids) expect(await storage().uploadExists(id)).toBe(true);
    await store.sweep(Date.now() + 60_000);
    for (const id of ids) expect(await storage().uploadExists(id)).toBe(false);
  });
});

describe('the hourly sweep', () => {
  it('finishes an upload a crash left complete an hour later, without a restart or a HEAD', async () => {
    vi.useFakeTimers({ toFake: ['setInterval'] });
    try {
      // The start sweep of the new app runs first: once it has stored this one, its listing is done.
      const before = jpegLike(3_000);
      await crashedUpload(before);
      restart();
      await vi.waitFor(async () => expect(await isStored(sha256(before))).toBe(true), {
        timeout: 15_000,
        interval: 50,
      });

      const photo = jpegLike(8_000);
      await crashedUpload(photo);
      expect(await isStored(sha256(photo))).toBe(false);
      vi.advanceTimersByTime(60 * 60 * 1000);
      await vi.waitFor(async () => expect(await isStored(sha256(photo))).toBe(true), { timeout: 15_000, interval: 50 });
    } finally {
      vi.useRealTimers();
    }
  }, 40_000);
});
