// Photo upload chunks sized from the link: about four seconds of the measured rate, between
// 256 KiB and 8 MiB, a short tail sent with the chunk before it on a fast link (slow or unmeasured
// links keep 256 KiB chunks); on a fast link a 3 MB photo goes in two requests instead of twelve.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertRecord } from '../../../src/db/mutations';
import { db as appDb } from '../../../src/db/schema';
import type { Mission } from '../../../src/shared/model';
import { nextChunkBytes, UPLOAD_CHUNK_MAX_BYTES, UPLOAD_CHUNK_MIN_BYTES } from '../../../src/sync/uploadChunks';
import { aCommune, aMission, aPhoto, aVisitNote } from '../../fixtures/builders';
import { adminOf, type Device, twoMembersLoggedIn } from './support/device';
import { type InProcessServer, startInProcessServer } from './support/inProcessServer';

const MB = 1_000_000;

describe('next upload chunk', () => {
  it('is the minimum until the link is measured, and on 2G and 3G', () => {
    expect(nextChunkBytes(null, 3 * MB)).toBe(UPLOAD_CHUNK_MIN_BYTES);
    expect(nextChunkBytes(100_000, 3 * MB)).toBe(UPLOAD_CHUNK_MIN_BYTES);
    expect(nextChunkBytes(250_000, 3 * MB)).toBe(UPLOAD_CHUNK_MIN_BYTES);
  });

  it('takes about four seconds at the measured rate, at most 8 MiB', () => {
    expect(nextChunkBytes(5_000_000, 20 * MB)).toBe(2_500_000);
    expect(nextChunkBytes(100_000_000, 20 * MB)).toBe(UPLOAD_CHUNK_MAX_BYTES);
  });

  it('sends a tail under half a chunk with the chunk before it', () => {
    expect(nextChunkBytes(5_000_000, 3 * MB)).toBe(3 * MB);
    expect(nextChunkBytes(5_000_000, 4 * MB)).toBe(2_500_000);
    expect(nextChunkBytes(null, 300_000)).toBe(UPLOAD_CHUNK_MIN_BYTES);
    expect(nextChunkBytes(250_000, 300_000)).toBe(UPLOAD_CHUNK_MIN_BYTES);
    expect(nextChunkBytes(100_000_000, 10 * MB)).toBe(UPLOAD_CHUNK_MAX_BYTES);
  });
});

describe('photo upload on a fast link', () => {
  let server: InProcessServer;
  let a: Device;
  let mission: Mission;

  beforeAll(async () => {
    server = await startInProcessServer();
    ({ a } = await twoMembersLoggedIn(server, await adminOf(server)));
    mission = await insertRecord('missions', aMission());
    await a.sync();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.log.length = 0;
  });

  it('sends a 3 MB photo in two requests once the first chunk measured the link', async () => {
    const bytes = randomBytes(3 * MB);
    bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const blob = new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' });
    const commune = await insertRecord('communes', aCommune(mission.id));
    const note = await insertRecord('visitNotes', aVisitNote(mission.id, commune.id));
    await appDb.photoBlobs.add({ hash, blob, thumb: blob, uploaded: 0 });
    await insertRecord('photos', aPhoto(mission.id, note.id, { hash, bytes: bytes.length }));
    await a.sync({ uploadChunkBytes: undefined });
    const uploads = server.log.filter((r) => r.path.startsWith('/api/photos/uploads'));
    expect(uploads.map((r) => r.method)).toEqual(['POST', 'PATCH']);
    expect(uploads[1].headers.get('upload-offset')).toBe(String(UPLOAD_CHUNK_MIN_BYTES));
    expect((await appDb.photoBlobs.get(hash))?.uploaded).toBe(1);
  });
});
