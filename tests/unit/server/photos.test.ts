// Photos over tus against the real app: an interrupted upload resumes at the server's offset, the
// SHA-256 is checked before a photo is kept, a photo is stored once however often it is sent, and
// only members of a mission referencing it can download it.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHOTO_MAX_BYTES } from '../../../src/shared/constants';
import { aMission, aPhoto } from '../../fixtures/builders';
import { createMutation } from '../../fixtures/mutations';
import { photoStorageOf } from './photoStorage';
import { headUpload, jpegLike } from './photosTus';
import { errorCode, makeTestServer, type TestServer } from './support';

let server: TestServer;
let member: Awaited<ReturnType<TestServer['newUser']>>;
const mission = aMission();
const CHUNK = 64 * 1024;

beforeAll(async () => {
  server = await makeTestServer();
  member = await server.newUser('member');
  await server.push(member.token, [createMutation('missions', mission)]);
});
afterAll(() => server.close());

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const b64 = (s: string) => Buffer.from(s).toString('base64');
const tus = { 'tus-resumable': '1.0.0' };

const storage = () => photoStorageOf(server);

/** Creates an upload at the endpoint the app uses (with its trailing slash). */
async function create(bytes: Buffer, hash = sha256(bytes), token = member.token, missionId = mission.id) {
  return server.call('POST', '/api/photos/uploads/', {
    token,
    headers: {
      ...tus,
      'upload-length': String(bytes.length),
      'upload-metadata': `hash ${b64(hash)},missionId ${b64(missionId)},filetype ${b64('image/jpeg')}`,
    },
  });
}

async function patch(url: string, offset: number, body: Buffer | ReadableStream<Uint8Array>) {
  return server.app.request(url, {
    method: 'PATCH',
    headers: {
      ...tus,
      authorization: `Bearer ${member.token}`,
      'upload-offset': String(offset),
      'content-type': 'application/offset+octet-stream',
    },
    body: Buffer.isBuffer(body) ? new Uint8Array(body) : body,
    duplex: 'half',
  } as RequestInit);
}

async function offsetOf(url: string): Promise<number> {
  const res = await server.call('HEAD', url, { token: member.token, headers: tus });
  expect(res.status).toBe(200);
  return Number(res.headers.get('upload-offset'));
}

/**
 * A body that sends `bytes`, waits until the server has written them to its upload file, then the
 * connection drops before the rest of the chunk.
 */
function droppedBody(bytes: Buffer, uploadId: string, sizeBefore: number): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(new Uint8Array(bytes));
        return;
      }
      while (((await storage().received(uploadId)) ?? 0) < sizeBefore + bytes.length) {
        await new Promise((r) => setTimeout(r, 5));
      }
      controller.error(new Error('connexion coupée'));
    },
  });
}

async function uploadAll(url: string, bytes: Buffer, from = 0) {
  let res: Response | undefined;
  for (let offset = from; offset < bytes.length; offset += CHUNK) {
    res = await patch(url, offset, bytes.subarray(offset, offset + CHUNK));
  }
  return res;
}

describe('photo uploads (tus)', () => {
  it('resumes an interrupted upload from the server offset and keeps exactly one verified copy', async () => {
    const photo = jpegLike(5 * CHUNK + 1234);
    const created = await create(photo);
    expect(created.status).toBe(201);
    const url = created.headers.get('location')!;
    expect(url).toMatch(/^\/api\/photos\/uploads\/[0-9a-f]{32}$/);

    for (let offset = 0; offset < 2 * CHUNK; offset += CHUNK) {
      expect((await patch(url, offset, photo.subarray(offset, offset + CHUNK))).status).toBe(204);
    }
    const id = url.split('/').at(-1)!;
    const sent = photo.subarray(2 * CHUNK, 2 * CHUNK + 10_000);
    await patch(url, 2 * CHUNK, droppedBody(sent, id, 2 * CHUNK)).catch(() => undefined);

    // The server kept what arrived before the cut: the device resumes there, not at a chunk boundary.
    const offset = await offsetOf(url);
    expect(offset).toBe(2 * CHUNK + sent.length);
    const last = await uploadAll(url, photo, offset);
    expect(last?.status).toBe(204);

    const hash = sha256(photo);
    expect((await storage().storedBytes(hash))?.equals(photo)).toBe(true);
    expect(await storage().storedHashes()).toEqual([hash]);
    // Only the finished mark is left (a device that lost the answer hears "complete"), no bytes.
    expect(await storage().uploadExists(id)).toBe(true);
    expect(await storage().received(id)).toBeNull();
    expect((await headUpload(server.app, url, member.token)).headers.get('upload-offset')).toBe(String(photo.length));
  });

  it('keeps one copy when a known photo is uploaded again, and then reports it as not missing', async () => {
    const photo = jpegLike(CHUNK + 10);
    const hash = sha256(photo);
    for (let i = 0; i < 2; i++) {
      const url = (await create(photo)).headers.get('location')!;
      expect((await uploadAll(url, photo))?.status).toBe(204);
    }
    expect((await storage().storedHashes()).filter((f) => f === hash)).toHaveLength(1);
    expect((await storage().storedBytes(hash))?.equals(photo)).toBe(true);
    const res = await server.call('POST', '/api/photos/missing', {
      token: member.token,
      body: { missionId: mission.id, hashes: [hash, 'c'.repeat(64)] },
    });
    expect(await res.json()).toEqual({ missing: ['c'.repeat(64)] });
  });

  it('refuses a photo whose bytes do not match its hash: 400 photo-hash-mismatch, nothing kept', async () => {
    const photo = jpegLike(CHUNK);
    const claimed = sha256(Buffer.from('une autre photo'));
    const url = (await create(photo, claimed)).headers.get('location')!;
    const res = await patch(url, 0, photo);
    expect(res.status).toBe(400);
    expect(await errorCode(res)).toBe('photo-hash-mismatch');
    expect(await storage().storedHashes()).not.toContain(claimed);
    expect(await storage().uploadExists(url.split('/').at(-1)!)).toBe(false);
  });

  it('refuses an upload larger than the photo limit at creation: 413 photo-too-large', async () => {
    const res = await server.call('POST', '/api/photos/uploads', {
      token: member.token,
      headers: {
        ...tus,
        'upload-length': String(PHOTO_MAX_BYTES + 1),
        'upload-metadata': `hash ${b64('d'.repeat(64))},missionId ${b64(mission.id)}`,
      },
    });
    expect(res.status).toBe(413);
    expect(await errorCode(res)).toBe('photo-too-large');
  });

  it('refuses uploads for a mission the user is not a member of, and without a session', async () => {
    const outsider = await server.newUser('member');
    const res = await create(jpegLike(100), undefined, outsider.token);
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('not-member');
    const anonymous = await server.call('POST', '/api/photos/uploads', { headers: tus });
    expect(anonymous.status).toBe(401);
  });

  it('serves a stored photo to members of a mission that references it, cacheable for good', async () => {
    const bytes = jpegLike(2000);
    const hash = sha256(bytes);
    const url = (await create(bytes)).headers.get('location')!;
    await uploadAll(url, bytes);
    const notYet = await server.call('GET', `/api/photos/${hash}`, { token: member.token });
    expect(notYet.status).toBe(404);
    expect(await errorCode(notYet)).toBe('photo-not-found');
    await server.push(member.token, [
      createMutation('photos', aPhoto(mission.id, 'n1', { hash, bytes: bytes.length })),
    ]);
    const res = await server.call('GET', `/api/photos/${hash}`, { token: member.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });
});
