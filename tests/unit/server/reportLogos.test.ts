// The report's logos on the server (issue 13): a logo is a `photos` record of usage 'logo' whose
// noteId is the mission's id, and its PNG goes through the photo pipeline. The record keeps its
// usage for every member, a record without usage is still a note's photo (records made before
// logos), an unknown usage is refused, and a logo is readable by the mission's members only.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Photo } from '../../../src/shared/model';
import { aMission, aPhoto } from '../../fixtures/builders';
import { createMutation } from '../../fixtures/mutations';
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
