// Photos through the sync engine and the real server (tus in process): sent once, resumed at the
// server's offset after a cut, counted as sent only once the server confirms it holds them (for
// every mission using them), fetched by the other member with their hash checked, never deleted,
// and held back on a metered link when the person asked for it.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertRecord } from '../../../src/db/mutations';
import { addNotePhoto } from '../../../src/db/repositories/photos';
import { setPhotosOnCheapNetworkOnly } from '../../../src/db/repositories/sync';
import { db as appDb } from '../../../src/db/schema';
import { UPLOAD_CHUNK_BYTES } from '../../../src/shared/constants';
import type { Mission } from '../../../src/shared/model';
import { aCommune, aMission, aPhoto, aVisitNote } from '../../fixtures/builders';
import { adminOf, type Device, twoMembersOnOneMission } from './support/device';
import { type InProcessServer, startInProcessServer } from './support/inProcessServer';

let server: InProcessServer;
let admin: Awaited<ReturnType<typeof adminOf>>;
let a: Device;
let b: Device;
let mission: Mission;

beforeAll(async () => {
  server = await startInProcessServer();
  admin = await adminOf(server);
});
afterAll(() => server.close());

beforeEach(async () => {
  ({ a, b, mission } = await twoMembersOnOneMission(server, admin));
});

/** Random bytes that start like a JPEG (the server may check a photo's magic bytes). */
function jpegLike(size: number): Buffer {
  const bytes = randomBytes(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  return bytes;
}

/** A photo taken on device A: its bytes (2.5 chunks) and its record, as the photo screen stores them. */
async function takePhoto(bytes = jpegLike(Math.round(UPLOAD_CHUNK_BYTES * 2.5))) {
  const hash = createHash('sha256').update(bytes).digest('hex');
  const blob = new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' });
  const commune = await insertRecord('communes', aCommune(mission.id));
  const note = await insertRecord('visitNotes', aVisitNote(mission.id, commune.id));
  await appDb.photoBlobs.add({ hash, blob, thumb: blob, uploaded: 0 });
  await insertRecord('photos', aPhoto(mission.id, note.id, { hash, bytes: bytes.length }));
  return { hash, bytes };
}

const storedOnServer = (hash: string) => path.join(server.dataDir, 'photos', hash.slice(0, 2), hash);
const photoRequests = (method: string) =>
  server.log.filter((r) => r.device === 'a' && r.method === method && r.path.startsWith('/api/photos/uploads'));
const missingRequests = () => server.log.filter((r) => r.device === 'a' && r.path === '/api/photos/missing');
const uploadUrlsKept = async (hash: string) =>
  (await appDb.syncState.where('key').startsWith('upload:').primaryKeys()).filter((key) => String(key).endsWith(hash));
const uploadedFlag = async (hash: string) => (await appDb.photoBlobs.get(hash))?.uploaded;

/** The server loses a photo it stored, as when it died before finishing an upload it had answered. */
async function serverForgets(hash: string) {
  await server.db.deleteFrom('photo_blobs').where('hash', '=', hash).execute();
  fs.rmSync(storedOnServer(hash), { force: true });
}

describe('photos through sync', () => {
  it('uploads a photo once, in chunks, and the other member downloads the same bytes', async () => {
    const { hash, bytes } = await takePhoto();
    await a.sync();
    expect((await appDb.photoBlobs.get(hash))?.uploaded).toBe(1);
    expect(fs.readFileSync(storedOnServer(hash)).equals(bytes)).toBe(true);
    // The first chunk goes with the creation request, the other two as PATCH.
    expect(photoRequests('POST')).toHaveLength(1);
    expect(photoRequests('PATCH')).toHaveLength(2);

    await b.sync();
    const received = await b.db.photoBlobs.get(hash);
    expect(received?.uploaded).toBe(1);
    expect(Buffer.from(await received!.blob.arrayBuffer()).equals(bytes)).toBe(true);
    expect(received?.thumb).toBeDefined();
  });

  it('sends two photos at once once the link is measured fast, and each arrives whole', async () => {
    const photos = [await takePhoto(), await takePhoto(), await takePhoto(), await takePhoto()];
    // Each upload request is held a moment on its way: requests that overlap are in flight together.
    let inFlight = 0;
    let most = 0;
    server.intercept(async (r) => {
      if (!r.path.startsWith('/api/photos/uploads')) return 'pass' as const;
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 40));
      inFlight -= 1;
      return 'pass' as const;
    });
    await a.sync();
    // The first photo goes alone (the link is not measured yet); in process the link is fast.
    expect(most).toBe(2);
    for (const { hash, bytes } of photos) {
      expect(await uploadedFlag(hash)).toBe(1);
      expect(fs.readFileSync(storedOnServer(hash)).equals(bytes)).toBe(true);
    }
  });

  it('resumes an upload cut mid-photo at the server offset, and the server keeps one copy', async () => {
    const { hash, bytes } = await takePhoto();
    let patches = 0;
    server.intercept((r) => (r.method === 'PATCH' && ++patches === 2 ? 'drop-request' : 'pass'));
    await expect(a.sync()).rejects.toMatchObject({ code: 'network' });
    expect((await appDb.photoBlobs.get(hash))?.uploaded).toBe(0);
    expect(await uploadUrlsKept(hash)).toHaveLength(1);

    server.intercept(null);
    const before = photoRequests('PATCH').length;
    await a.sync();
    const resumed = photoRequests('PATCH').slice(before);
    expect(resumed[0].headers.get('upload-offset')).toBe(String(2 * UPLOAD_CHUNK_BYTES));
    expect(photoRequests('POST')).toHaveLength(1);
    expect((await appDb.photoBlobs.get(hash))?.uploaded).toBe(1);
    expect(await uploadUrlsKept(hash)).toEqual([]);
    expect(fs.readFileSync(storedOnServer(hash)).equals(bytes)).toBe(true);
    expect(fs.readdirSync(path.dirname(storedOnServer(hash)))).toEqual([hash]);
  });

  it('counts a photo as sent only once the server confirms it holds it, and sends it afresh otherwise', async () => {
    const { hash, bytes } = await takePhoto();
    // tus reports the upload finished, but by the confirmation (the sync's second `missing`) the
    // server no longer holds the photo.
    server.intercept(async (r) => {
      if (r.device === 'a' && r.path === '/api/photos/missing' && missingRequests().length === 2) {
        await serverForgets(hash);
      }
      return 'pass' as const;
    });
    await expect(a.sync()).rejects.toMatchObject({ code: 'photo-not-confirmed' });
    expect(await uploadedFlag(hash)).toBe(0);
    expect(await uploadUrlsKept(hash)).toEqual([]);

    server.intercept(null);
    const creations = photoRequests('POST').length;
    await a.sync();
    expect(photoRequests('POST')).toHaveLength(creations + 1);
    expect(await uploadedFlag(hash)).toBe(1);
    expect(fs.readFileSync(storedOnServer(hash)).equals(bytes)).toBe(true);
  });

  it('counts a photo used in two missions as sent only once both missions confirm it', async () => {
    const { hash, bytes } = await takePhoto();
    await a.sync();
    expect(await uploadedFlag(hash)).toBe(1);

    // The same picture added to a note of another mission: the server must hold it for that one too.
    const other = await insertRecord('missions', aMission());
    const commune = await insertRecord('communes', aCommune(other.id));
    const note = await insertRecord('visitNotes', aVisitNote(other.id, commune.id));
    const blob = new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' });
    await addNotePhoto(other.id, note.id, {
      ...{ blob, thumb: blob, hash, mime: 'image/jpeg', width: 1600, height: 1200, bytes: bytes.length },
      ...{ takenAt: null, exifLat: null, exifLon: null },
    });
    expect(await uploadedFlag(hash)).toBe(0);

    // One mission answers, the other's question never reaches the server: not sent yet.
    const before = missingRequests().length;
    server.intercept((r) =>
      r.device === 'a' && r.path === '/api/photos/missing' && missingRequests().length === before + 2
        ? 'drop-request'
        : 'pass',
    );
    await expect(a.sync()).rejects.toMatchObject({ code: 'network' });
    expect(await uploadedFlag(hash)).toBe(0);

    server.intercept(null);
    await a.sync();
    expect(await uploadedFlag(hash)).toBe(1);
    expect(await uploadUrlsKept(hash)).toEqual([]);
  });

  it('does not send a photo the server already holds, and keeps its bytes on the device', async () => {
    const { hash, bytes } = await takePhoto();
    await a.sync();
    await appDb.photoBlobs.update(hash, { uploaded: 0 });
    const before = photoRequests('POST').length;
    await a.sync();
    expect(photoRequests('POST').length).toBe(before);
    const kept = await appDb.photoBlobs.get(hash);
    expect(kept?.uploaded).toBe(1);
    expect(kept?.blob.size).toBe(bytes.length);
  });

  it('refuses downloaded bytes that do not match their hash', async () => {
    const { hash } = await takePhoto();
    await a.sync();
    fs.writeFileSync(storedOnServer(hash), jpegLike(1000));
    await expect(b.sync()).rejects.toMatchObject({ code: 'photo-hash-mismatch' });
    expect(await b.db.photoBlobs.get(hash)).toBeUndefined();
    expect(await b.db.photos.where('hash').equals(hash).count()).toBe(1);
  });

  it('holds photos back on a metered link when asked, while text still syncs', async () => {
    const { hash } = await takePhoto();
    await setPhotosOnCheapNetworkOnly(true);
    const report = await a.sync({ isMetered: () => true });
    expect(report.photosDeferred).toBe(true);
    expect(a.status.get().photosDeferred).toBe(true);
    expect(await appDb.outbox.count()).toBe(0);
    expect((await appDb.photoBlobs.get(hash))?.uploaded).toBe(0);
    await a.sync({ isMetered: () => false });
    expect((await appDb.photoBlobs.get(hash))?.uploaded).toBe(1);
  });
});
