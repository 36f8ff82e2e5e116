// Photo downloads over a link that drops: a download cut in the middle of the photo resumes with
// `Range` from the last byte received (only the rest goes over the link again), and the whole is
// checked against its SHA-256 before it is stored.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertRecord } from '../../../src/db/mutations';
import { db as appDb } from '../../../src/db/schema';
import type { Mission } from '../../../src/shared/model';
import { aCommune, aPhoto, aVisitNote } from '../../fixtures/builders';
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

/** A photo taken and sent by device A (random bytes that start like a JPEG). */
async function photoSentByA(size: number) {
  const bytes = randomBytes(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  const hash = createHash('sha256').update(bytes).digest('hex');
  const blob = new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' });
  const commune = await insertRecord('communes', aCommune(mission.id));
  const note = await insertRecord('visitNotes', aVisitNote(mission.id, commune.id));
  await appDb.photoBlobs.add({ hash, blob, thumb: blob, uploaded: 0 });
  await insertRecord('photos', aPhoto(mission.id, note.id, { hash, bytes: size }));
  await a.sync();
  return { hash, bytes };
}

const downloadsOf = (hash: string) => server.log.filter((r) => r.device === 'b' && r.path === `/api/photos/${hash}`);

describe('photo download on a link that drops', () => {
  it('resumes a download cut mid-photo with Range, and stores the whole, hash checked', async () => {
    const { hash, bytes } = await photoSentByA(700_000);
    const cutAt = 300_000;
    server.intercept((r) =>
      r.path === `/api/photos/${hash}` && downloadsOf(hash).length === 1 ? { cutBodyAfterBytes: cutAt } : 'pass',
    );
    await b.sync().catch(() => undefined); // a sync may stop at the cut: the next one resumes
    if (!(await b.db.photoBlobs.get(hash))) await b.sync();

    const stored = await b.db.photoBlobs.get(hash);
    expect(Buffer.from(await stored!.blob.arrayBuffer()).equals(bytes)).toBe(true);
    const [first, resumed, ...more] = downloadsOf(hash);
    expect(more).toEqual([]);
    expect(first.headers.get('range')).toBeNull();
    expect(first.bodyBytes).toBe(cutAt);
    expect(resumed.headers.get('range')).toBe(`bytes=${cutAt}-`);
    expect(resumed.bodyBytes).toBe(bytes.length - cutAt);
  });

  it('starts again from byte 0 when the resumed bytes do not make the photo (hash checked on the whole)', async () => {
    const { hash, bytes } = await photoSentByA(200_000);
    // The first answer is cut, and what arrived was not the photo's start (a proxy's page, say).
    server.intercept(async (r) =>
      r.path === `/api/photos/${hash}` && downloadsOf(hash).length === 1 ? { cutBodyAfterBytes: 50_000 } : 'pass',
    );
    const original = server.app.request.bind(server.app);
    let corrupted = false;
    server.app.request = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await original(input as string, init);
      if (corrupted || !String(input).includes(hash)) return response;
      corrupted = true;
      const body = new Uint8Array(await response.arrayBuffer());
      body[10] ^= 0xff;
      return new Response(body, { status: response.status, headers: response.headers });
    }) as typeof server.app.request;
    try {
      await expect(b.sync()).rejects.toMatchObject({ code: 'photo-hash-mismatch' });
    } finally {
      server.app.request = original;
    }
    expect(await b.db.photoBlobs.get(hash)).toBeUndefined();
    await b.sync();
    const stored = await b.db.photoBlobs.get(hash);
    expect(Buffer.from(await stored!.blob.arrayBuffer()).equals(bytes)).toBe(true);
    expect(downloadsOf(hash).at(-1)?.headers.get('range')).toBeNull();
  });
});
