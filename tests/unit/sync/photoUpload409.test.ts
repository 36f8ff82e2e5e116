// A tus 409 (the offset the device sent is not the server's, e.g. a chunk arrived but its answer
// was lost and the request went again) is no reason to send the photo again from byte 0: the
// device asks the server's offset (HEAD) and goes on from there, in the same sync.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertRecord } from '../../../src/db/mutations';
import { db as appDb } from '../../../src/db/schema';
import { UPLOAD_CHUNK_BYTES } from '../../../src/shared/constants';
import type { Mission } from '../../../src/shared/model';
import { aCommune, aMission, aPhoto, aVisitNote } from '../../fixtures/builders';
import { adminOf, type Device, twoMembersLoggedIn } from './support/device';
import { type InProcessServer, startInProcessServer } from './support/inProcessServer';

let server: InProcessServer;
let admin: Awaited<ReturnType<typeof adminOf>>;
let a: Device;
let mission: Mission;

beforeAll(async () => {
  server = await startInProcessServer();
  admin = await adminOf(server);
});
afterAll(() => server.close());

beforeEach(async () => {
  ({ a } = await twoMembersLoggedIn(server, admin));
  mission = await insertRecord('missions', aMission());
  await a.sync();
});

async function takePhoto(size: number) {
  const bytes = randomBytes(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  const hash = createHash('sha256').update(bytes).digest('hex');
  const blob = new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' });
  const commune = await insertRecord('communes', aCommune(mission.id));
  const note = await insertRecord('visitNotes', aVisitNote(mission.id, commune.id));
  await appDb.photoBlobs.add({ hash, blob, thumb: blob, uploaded: 0 });
  await insertRecord('photos', aPhoto(mission.id, note.id, { hash, bytes: size }));
  return { hash, bytes };
}

const uploads = (method: string) =>
  server.log.filter((r) => r.device === 'a' && r.method === method && r.path.startsWith('/api/photos/uploads'));

describe('tus 409 during a photo upload', () => {
  it('asks the server offset and goes on from there, without a new upload from byte 0', async () => {
    const { hash, bytes } = await takePhoto(Math.round(UPLOAD_CHUNK_BYTES * 3.5));
    let patches = 0;
    server.intercept((r) => (r.method === 'PATCH' && ++patches === 1 ? 'deliver-twice' : 'pass'));
    await a.sync();

    expect(uploads('POST')).toHaveLength(1);
    expect(uploads('HEAD').length).toBeGreaterThanOrEqual(1);
    const offsets = uploads('PATCH').map((r) => Number(r.headers.get('upload-offset')));
    // The first PATCH reached the server twice (the device saw the 409 of the second); after a
    // HEAD, the next PATCH starts where the server is: after that chunk.
    const log = server.log.filter(
      (r) => r.device === 'a' && r.method !== 'POST' && r.path.startsWith('/api/photos/uploads/'),
    );
    expect(log.map((r) => r.method).slice(0, 3)).toEqual(['PATCH', 'HEAD', 'PATCH']);
    expect(offsets[1]).toBeGreaterThan(offsets[0]);
    expect(offsets.filter((o) => o === 0)).toEqual([]);
    expect((await appDb.photoBlobs.get(hash))?.uploaded).toBe(1);
    const stored = path.join(server.dataDir, 'photos', hash.slice(0, 2), hash);
    expect(fs.readFileSync(stored).equals(bytes)).toBe(true);
  });
});
