// One mission's photos stay in that mission: an upload is addressed by its path only, only its
// uploader (or an administrator) may touch it, and a mission gets a photo's bytes only once they
// were uploaded for it, never by pushing a record that names another mission's hash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMission, aPhoto } from '../../fixtures/builders';
import { createMutation } from '../../fixtures/mutations';
import { photoStorageOf } from './photoStorage';
import {
  b64,
  createUpload,
  deleteUpload,
  headUpload,
  jpegLike,
  patchUpload,
  sha256,
  TUS,
  uploadIdOf,
  uploadWhole,
} from './photosTus';
import { errorCode, makeTestServer, type TestServer } from './support';

type Member = Awaited<ReturnType<TestServer['newUser']>>;
let server: TestServer;
let alice: Member; // mission A
let bruno: Member; // mission A too
let chloe: Member; // mission B only
const missionA = aMission();
const missionB = aMission();

beforeAll(async () => {
  server = await makeTestServer();
  alice = await server.newUser('member');
  bruno = await server.newUser('member');
  chloe = await server.newUser('member');
  await server.push(alice.token, [createMutation('missions', missionA)]);
  await server.addMember(missionA.id, bruno.user.id);
  await server.push(chloe.token, [createMutation('missions', missionB)]);
});
afterAll(() => server.close());

const storage = () => photoStorageOf(server);
const uploadExists = (url: string) => storage().uploadExists(uploadIdOf(url));

async function openUpload(member: Member, missionId: string, photo = jpegLike(4_000)) {
  const created = await createUpload(server.app, photo, { token: member.token, missionId });
  expect(created.status).toBe(201);
  return { url: created.headers.get('location')!, photo };
}

/** A photo of mission A, uploaded and referenced there. */
async function photoOfA() {
  const photo = jpegLike(6_000);
  const hash = sha256(photo);
  expect((await uploadWhole(server.app, photo, { token: alice.token, missionId: missionA.id })).status).toBe(204);
  await server.push(alice.token, [
    createMutation('photos', aPhoto(missionA.id, 'note-a', { hash, bytes: photo.length })),
  ]);
  return { photo, hash };
}

async function pushPhotoRecord(member: Member, missionId: string, hash: string) {
  const { results } = await server.push(member.token, [createMutation('photos', aPhoto(missionId, 'note', { hash }))]);
  return results[0]!;
}

describe('tus routes take the upload id from the path only', () => {
  it('refuses a query string that names another upload, and leaves that upload alone', async () => {
    const theirs = await openUpload(alice, missionA.id);
    const mine = await openUpload(chloe, missionB.id);
    const sneaky = `${mine.url}?x=/${uploadIdOf(theirs.url)}`;
    for (const method of ['HEAD', 'PATCH', 'DELETE']) {
      const res = await server.app.request(sneaky, {
        method,
        headers: {
          ...TUS,
          authorization: `Bearer ${chloe.token}`,
          'upload-offset': '0',
          'content-type': 'application/offset+octet-stream',
        },
        body: method === 'PATCH' ? new Uint8Array(theirs.photo) : undefined,
      });
      expect(res.status, method).toBe(400);
      expect(res.headers.get('upload-metadata')).toBeNull();
      if (method !== 'HEAD') expect(await errorCode(res)).toBe('bad-request');
    }
    expect(await storage().received(uploadIdOf(theirs.url))).toBe(0);
    const head = await headUpload(server.app, theirs.url, alice.token);
    expect(head.status).toBe(200);
    expect(head.headers.get('upload-offset')).toBe('0');
  });

  it('refuses encoded slashes and backslashes in an upload path', async () => {
    const theirs = await openUpload(alice, missionA.id);
    const mine = await openUpload(chloe, missionB.id);
    for (const joint of ['%2F', '%2f', '%5C', '%5c']) {
      const res = await deleteUpload(server.app, `${mine.url}${joint}${uploadIdOf(theirs.url)}`, chloe.token);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers.get('content-type')).toContain('application/json');
    }
    expect(await uploadExists(theirs.url)).toBe(true);
  });
});

describe('only the uploader or an administrator touches an upload', () => {
  it('refuses HEAD, PATCH and DELETE from another member of the same mission: 403 forbidden', async () => {
    const { url, photo } = await openUpload(alice, missionA.id);
    const head = await headUpload(server.app, url, bruno.token);
    expect(head.status).toBe(403);
    const patch = await patchUpload(server.app, url, bruno.token, 0, photo);
    expect(patch.status).toBe(403);
    expect(await errorCode(patch)).toBe('forbidden');
    const del = await deleteUpload(server.app, url, bruno.token);
    expect(del.status).toBe(403);
    expect(await uploadExists(url)).toBe(true);
    expect((await deleteUpload(server.app, url, server.adminToken)).status).toBe(204);
    expect(await uploadExists(url)).toBe(false);
  });

  it('ignores an uploader named in the client metadata', async () => {
    const photo = jpegLike(2_000);
    const created = await createUpload(server.app, photo, {
      token: bruno.token,
      missionId: missionA.id,
      headers: {
        'upload-metadata': `hash ${b64(sha256(photo))},missionId ${b64(missionA.id)},uploaderId ${b64(alice.user.id)}`,
      },
    });
    expect(created.status).toBe(201);
    const url = created.headers.get('location')!;
    expect((await patchUpload(server.app, url, alice.token, 0, photo)).status).toBe(403);
    expect((await patchUpload(server.app, url, bruno.token, 0, photo)).status).toBe(204);
  });
});

describe('a mission holds a photo only once its bytes were uploaded for it', () => {
  it('refuses a photo record naming another mission’s stored photo, and never serves it', async () => {
    const { hash } = await photoOfA();
    const result = await pushPhotoRecord(chloe, missionB.id, hash);
    expect(result.status).toBe('rejected');
    expect(result.status === 'rejected' && result.code).toBe('photo-not-possessed');
    const get = await server.call('GET', `/api/photos/${hash}`, { token: chloe.token });
    expect(get.status).toBeGreaterThanOrEqual(403);
    expect(get.status).toBeLessThan(500);
    expect((await server.call('GET', `/api/photos/${hash}`, { token: alice.token })).status).toBe(200);
  });

  it('asks a mission for the bytes of a photo stored only for another one, and keeps one copy', async () => {
    const { photo, hash } = await photoOfA();
    const missing = await server.call('POST', '/api/photos/missing', {
      token: chloe.token,
      body: { missionId: missionB.id, hashes: [hash] },
    });
    expect(await missing.json()).toEqual({ missing: [hash] });
    // Chloe really has the photo: she uploads it for B, then her record is accepted and she gets it.
    expect((await uploadWhole(server.app, photo, { token: chloe.token, missionId: missionB.id })).status).toBe(204);
    const again = await server.call('POST', '/api/photos/missing', {
      token: chloe.token,
      body: { missionId: missionB.id, hashes: [hash] },
    });
    expect(await again.json()).toEqual({ missing: [] });
    expect((await pushPhotoRecord(chloe, missionB.id, hash)).status).toBe('applied');
    const get = await server.call('GET', `/api/photos/${hash}`, { token: chloe.token });
    expect(get.status).toBe(200);
    expect(Buffer.from(await get.arrayBuffer()).equals(photo)).toBe(true);
    expect((await storage().storedHashes()).filter((h) => h === hash)).toHaveLength(1);
    expect((await storage().storedBytes(hash))?.equals(photo)).toBe(true);
  });

  it('accepts a record pushed before its bytes (the app sends records first), then serves once uploaded', async () => {
    const photo = jpegLike(3_000);
    const hash = sha256(photo);
    expect((await pushPhotoRecord(chloe, missionB.id, hash)).status).toBe('applied');
    expect((await server.call('GET', `/api/photos/${hash}`, { token: chloe.token })).status).toBe(404);
    expect((await uploadWhole(server.app, photo, { token: chloe.token, missionId: missionB.id })).status).toBe(204);
    expect((await server.call('GET', `/api/photos/${hash}`, { token: chloe.token })).status).toBe(200);
  });

  it('lets a member of both missions name a photo she can already see in the other one', async () => {
    const { photo, hash } = await photoOfA();
    const both = aMission();
    await server.push(bruno.token, [createMutation('missions', both)]);
    expect((await pushPhotoRecord(bruno, both.id, hash)).status).toBe('applied');
    // Its bytes are still asked for this mission (her device has them), and then kept once.
    const missing = await server.call('POST', '/api/photos/missing', {
      token: bruno.token,
      body: { missionId: both.id, hashes: [hash] },
    });
    expect(await missing.json()).toEqual({ missing: [hash] });
    expect((await uploadWhole(server.app, photo, { token: bruno.token, missionId: both.id })).status).toBe(204);
    const again = await server.call('POST', '/api/photos/missing', {
      token: bruno.token,
      body: { missionId: both.id, hashes: [hash] },
    });
    expect(await again.json()).toEqual({ missing: [] });
  });
});

describe('bad tus requests get a 4xx JSON error', () => {
  it('refuses a NUL character or an odd id in the metadata mission id: 400', async () => {
    for (const missionId of [`${missionA.id}\u0000`, 'a/b', 'x'.repeat(65), '']) {
      const res = await createUpload(server.app, jpegLike(100), { token: alice.token, missionId });
      expect(res.status, JSON.stringify(missionId)).toBe(400);
      expect(await errorCode(res)).toBe('invalid-body');
    }
  });

  it('refuses an Upload-Length that is not a plain byte count: 400 invalid-body', async () => {
    for (const length of ['1e+308', '0x10', '-1', '1.5', '']) {
      const res = await createUpload(server.app, jpegLike(100), {
        token: alice.token,
        missionId: missionA.id,
        headers: { 'upload-length': length },
      });
      expect(res.status, length).toBe(400);
      expect(await errorCode(res)).toBe('invalid-body');
    }
  });

  it('refuses Upload-Concat at creation: 400 bad-request, not 501', async () => {
    const res = await createUpload(server.app, jpegLike(100), {
      token: alice.token,
      missionId: missionA.id,
      headers: { 'upload-concat': 'partial' },
    });
    expect(res.status).toBe(400);
    expect(await errorCode(res)).toBe('bad-request');
  });
});
