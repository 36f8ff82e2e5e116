// The report's logos on the server (issue 13): a logo is a `photos` record of usage 'logo' whose
// noteId is the mission's id, and its PNG goes through the photo pipeline. The record keeps its
// usage for every member, a record without usage is still a note's photo (records made before
// logos), an unknown usage is refused, and a logo is readable by the mission's members only.
// A mission holds at most REPORT_LOGOS_MAX live logos: the server refuses one more (two phones
// adding logos offline, or a hostile client), in a batch too, and still applies edits and deletions.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_LOGOS_MAX } from '../../../src/shared/fieldLimits';
import type { Photo } from '../../../src/shared/model';
import type { Mutation, MutationResult } from '../../../src/shared/protocol';
import { aMission, aPhoto } from '../../fixtures/builders';
import { createMutation, updateMutation } from '../../fixtures/mutations';
import { sealPng } from '../report/logoImages';
import { uploadWhole } from './photosTus';
import { makeTestServer, type TestServer } from './support';

let server: TestServer;
let awa: Awaited<ReturnType<TestServer['newUser']>>;
let ibrahim: Awaited<ReturnType<TestServer['newUser']>>;
let stranger: Awaited<ReturnType<TestServer['newUser']>>;

beforeAll(async () => {
  server = await makeTestServer();
  [awa, ibrahim, stranger] = await Promise.all([
    server.newUser('member', 'Awa Exemple'),
    server.newUser('member', 'Ibrahim Exemple'),
    server.newUser('member', 'Chloé Ailleurs'),
  ]);
});
afterAll(() => server.close());

async function missionOf(owner: typeof awa, ...members: (typeof awa)[]) {
  const mission = aMission();
  expect((await server.push(owner.token, [createMutation('missions', mission)])).results[0].status).toBe('applied');
  for (const m of members) await server.addMember(mission.id, m.user.id);
  return mission;
}

const photoGet = (hash: string, token: string) => server.call('GET', `/api/photos/${hash}`, { token });

describe('report logos on the server', () => {
  it('keep their usage for every member, and the PNG is served to the mission’s members only', async () => {
    const mission = await missionOf(awa, ibrahim);
    await missionOf(stranger);
    const seal = await sealPng();
    const logo: Photo = aPhoto(mission.id, mission.id, {
      usage: 'logo',
      hash: seal.hash,
      mime: 'image/png',
      width: seal.width,
      height: seal.height,
      bytes: seal.bytes.length,
    });
    expect((await server.push(awa.token, [createMutation('photos', logo)])).results[0].status).toBe('applied');
    const upload = await uploadWhole(server.app, Buffer.from(seal.bytes), { token: awa.token, missionId: mission.id });
    expect(upload.status).toBe(204);

    const pulled = (await server.pull(ibrahim.token)).changes.find((c) => c.id === logo.id);
    expect(pulled?.data).toMatchObject({ usage: 'logo', noteId: mission.id, hash: seal.hash, mime: 'image/png' });
    const served = await photoGet(seal.hash, ibrahim.token);
    expect(served.status).toBe(200);
    const bytes = new Uint8Array(await served.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(seal.hash);
    expect(bytes[25]).toBe(6); // still a PNG with its alpha channel
    expect((await photoGet(seal.hash, stranger.token)).status).toBe(403);
  });

  it('leave a record without usage a note’s photo, and refuse a usage the app does not know', async () => {
    const mission = await missionOf(awa);
    const old = aPhoto(mission.id, mission.id, { hash: 'b'.repeat(64) });
    expect((await server.push(awa.token, [createMutation('photos', old)])).results[0].status).toBe('applied');
    const stored = (await server.pull(awa.token)).changes.find((c) => c.id === old.id);
    expect(stored?.data).not.toHaveProperty('usage');
    const odd = { ...aPhoto(mission.id, mission.id, { hash: 'c'.repeat(64) }), usage: 'cover' } as never;
    const [result] = (await server.push(awa.token, [createMutation('photos', odd)])).results;
    expect(result).toMatchObject({ status: 'rejected', code: 'invalid-record' });
  });
});

/** A logo record of the mission (its bytes are not needed: records go before bytes). */
const aLogo = (missionId: string, n: number, overrides: Partial<Photo> = {}): Photo =>
  aPhoto(missionId, missionId, {
    usage: 'logo',
    hash: n.toString(16).padStart(64, '0'),
    mime: 'image/png',
    ...overrides,
  });

const statuses = (results: MutationResult[]) => results.map((r) => (r.status === 'rejected' ? r.code : r.status));

async function storedRow(id: string) {
  return server.db
    .selectFrom('records')
    .select(['version', 'seq'])
    .where('table_name', '=', 'photos')
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A mission of Awa's holding the full set of logos, pushed one by one. */
async function missionWithAllLogos() {
  const mission = await missionOf(awa, ibrahim);
  const logos = Array.from({ length: REPORT_LOGOS_MAX }, (_, i) => aLogo(mission.id, i + 1));
  for (const logo of logos) {
    expect((await server.push(awa.token, [createMutation('photos', logo)])).results[0].status).toBe('applied');
  }
  return { mission, logos };
}

const deletion = (record: Photo, baseVersion: number): Mutation => ({
  ...updateMutation('photos', record, { deletedAt: '2026-12-07T10:00:00.000Z' }, baseVersion),
  op: 'delete',
});

describe('the logo limit on the server', () => {
  it('refuses one logo more, from another phone, and writes nothing of it', async () => {
    const { mission } = await missionWithAllLogos();
    const cursorBefore = (await server.pull(awa.token)).cursors[mission.id];
    const fourth = aLogo(mission.id, 99);
    const answer = await server.push(ibrahim.token, [createMutation('photos', fourth)], 'ibrahim-phone');
    expect(answer.results[0]).toMatchObject({ status: 'rejected', code: 'too-many-logos' });
    expect(answer.results[0].status === 'rejected' && answer.results[0].message).toMatch(/logo/i);
    expect(await storedRow(fourth.id)).toBeUndefined();
    expect((await server.pull(awa.token)).cursors[mission.id]).toBe(cursorBefore);
  });

  it('applies the first logos of one batch up to the limit and refuses the next', async () => {
    const mission = await missionOf(awa);
    const logos = Array.from({ length: REPORT_LOGOS_MAX + 1 }, (_, i) => aLogo(mission.id, i + 1));
    const answer = await server.push(
      awa.token,
      logos.map((logo) => createMutation('photos', logo)),
    );
    expect(statuses(answer.results)).toEqual([...Array(REPORT_LOGOS_MAX).fill('applied'), 'too-many-logos']);
    expect(await storedRow(logos[REPORT_LOGOS_MAX].id)).toBeUndefined();
  });

  it('still applies an edit of a live logo, and a logo re-pushed as it is', async () => {
    const { logos } = await missionWithAllLogos();
    const caption = updateMutation('photos', logos[0], { caption: 'Ministère de l’Énergie', usage: 'logo' }, 1);
    const again = createMutation('photos', logos[1]);
    const answer = await server.push(ibrahim.token, [caption, again], 'ibrahim-phone');
    expect(statuses(answer.results)).toEqual(['applied', 'applied']);
    expect(answer.results[0].status === 'applied' && answer.results[0].record?.data.caption).toBe(
      'Ministère de l’Énergie',
    );
  });

  it('takes a new logo once one of the full set is deleted, in the same batch too', async () => {
    const { mission, logos } = await missionWithAllLogos();
    const replacement = aLogo(mission.id, 50);
    const answer = await server.push(awa.token, [deletion(logos[2], 1), createMutation('photos', replacement)]);
    expect(statuses(answer.results)).toEqual(['applied', 'applied']);
    const later = aLogo(mission.id, 51);
    const [refused] = (await server.push(awa.token, [createMutation('photos', later)])).results;
    expect(refused).toMatchObject({ status: 'rejected', code: 'too-many-logos' });
  });

  it('refuses a deleted logo revived and a note’s photo turned into a logo while the set is full', async () => {
    const mission = await missionOf(awa);
    const spare = aLogo(mission.id, 9);
    const notePhoto = aPhoto(mission.id, mission.id, { hash: 'e'.repeat(64) });
    await server.push(awa.token, [createMutation('photos', spare), createMutation('photos', notePhoto)]);
    expect((await server.push(awa.token, [deletion(spare, 1)])).results[0].status).toBe('applied');
    for (let i = 1; i <= REPORT_LOGOS_MAX; i++)
      await server.push(awa.token, [createMutation('photos', aLogo(mission.id, i))]);
    const answer = await server.push(awa.token, [
      updateMutation('photos', spare, { deletedAt: null }, 2),
      updateMutation('photos', notePhoto, { usage: 'logo' }, 1),
    ]);
    expect(statuses(answer.results)).toEqual(['too-many-logos', 'too-many-logos']);
    expect(await storedRow(spare.id)).toMatchObject({ version: 2 });
    expect(await storedRow(notePhoto.id)).toMatchObject({ version: 1 });
    // A note's photo stays free of the limit: the mission's notes may hold any number of photos.
    const morePhoto = aPhoto(mission.id, mission.id, { hash: 'f'.repeat(64) });
    expect((await server.push(awa.token, [createMutation('photos', morePhoto)])).results[0].status).toBe('applied');
  });
});
