// Access control and hostile input: a member reaches only their missions (push, pull, photos), and
// every bad request (credentials, token, body, size, version) gets a clear 4xx with its code.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, findSession } from '../../../src/server/auth/sessions';
import { PROTOCOL_VERSION, PUSH_BATCH_MAX_MUTATIONS, REQUEST_MAX_BYTES } from '../../../src/shared/constants';
import { aMission, aPhoto, aVisitNote } from '../../fixtures/builders';
import { createMutation, updateMutation } from '../../fixtures/mutations';
import { errorCode, makeTestServer, type TestServer } from './support';

let server: TestServer;
let owner: Awaited<ReturnType<TestServer['newUser']>>;
let outsider: Awaited<ReturnType<TestServer['newUser']>>;
const mission = aMission();
const note = aVisitNote(mission.id, 'c1');
const photo = aPhoto(mission.id, note.id, { hash: 'b'.repeat(64) });

beforeAll(async () => {
  server = await makeTestServer();
  owner = await server.newUser('member', 'Propriétaire Exemple');
  outsider = await server.newUser('member', 'Étranger Exemple');
  const { results } = await server.push(owner.token, [
    createMutation('missions', mission),
    createMutation('visitNotes', note),
    createMutation('photos', photo),
  ]);
  expect(results.every((r) => r.status === 'applied')).toBe(true);
});
afterAll(() => server.close());

const pushBody = (mutations: unknown[]) => ({ protocolVersion: PROTOCOL_VERSION, clientId: 'device-x', mutations });

describe('a member of another mission', () => {
  it('cannot push to it: the mutation is rejected not-member and nothing changes', async () => {
    const { results } = await server.push(outsider.token, [
      updateMutation('visitNotes', note, { observations: 'intrusion' }, 1),
    ]);
    expect(results[0]).toMatchObject({ status: 'rejected', code: 'not-member' });
    const { changes } = await server.pull(owner.token);
    expect(changes.find((c) => c.id === note.id)?.data.observations).toBe('');
  });

  it('cannot take over an existing mission by pushing its mission record again', async () => {
    const { results } = await server.push(outsider.token, [createMutation('missions', { ...mission, title: 'Volée' })]);
    expect(results[0]).toMatchObject({ status: 'rejected', code: 'not-member' });
  });

  it('cannot pull it: 403 not-member', async () => {
    const res = await server.call('POST', '/api/sync/pull', {
      token: outsider.token,
      body: { protocolVersion: PROTOCOL_VERSION, cursors: { [mission.id]: 0 } },
    });
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('not-member');
  });

  it('does not receive it in a pull of their own missions', async () => {
    const page = await server.pull(outsider.token);
    expect(page.missions).not.toContain(mission.id);
    expect(page.changes.some((c) => c.missionId === mission.id)).toBe(false);
  });

  it('cannot fetch its photo: 403 not-member', async () => {
    const res = await server.call('GET', `/api/photos/${photo.hash}`, { token: outsider.token });
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('not-member');
  });

  it('cannot ask which of its photos are missing: 403 not-member', async () => {
    const res = await server.call('POST', '/api/photos/missing', {
      token: outsider.token,
      body: { missionId: mission.id, hashes: [photo.hash] },
    });
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('not-member');
  });

  it('gets access once an admin adds them, and loses it when removed', async () => {
    await server.addMember(mission.id, outsider.user.id);
    const page = await server.pull(outsider.token);
    expect(page.missions).toContain(mission.id);
    expect(page.changes.map((c) => c.id)).toEqual(expect.arrayContaining([mission.id, note.id, photo.id]));
    await server.call('DELETE', `/api/admin/missions/${mission.id}/members/${outsider.user.id}`, {
      token: server.adminToken,
    });
    // Once removed, the device's old cursor is not an error: it simply gets nothing more of it.
    const after = await server.pull(outsider.token, page.cursors);
    expect(after.missions).not.toContain(mission.id);
    expect(after.cursors).not.toHaveProperty(mission.id);
    expect(after.changes.some((c) => c.missionId === mission.id)).toBe(false);
    const { results } = await server.push(outsider.token, [
      updateMutation('visitNotes', note, { difficulties: 'x' }, 1),
    ]);
    expect(results[0]).toMatchObject({ status: 'rejected', code: 'not-member' });
  });
});

describe('bad requests get a clear 4xx with a code', () => {
  it('wrong password: 401 wrong-credentials (and the same for an unknown e-mail)', async () => {
    const wrong = await server.call('POST', '/api/auth/login', {
      body: { email: owner.email, password: 'pas-le-bon' },
    });
    expect(wrong.status).toBe(401);
    expect(await errorCode(wrong)).toBe('wrong-credentials');
    const unknown = await server.call('POST', '/api/auth/login', {
      body: { email: 'personne@exemple.test', password: 'x' },
    });
    expect(await errorCode(unknown)).toBe('wrong-credentials');
  });

  it('expired token: 401 session-expired; unknown or missing token: 401 unauthorized', async () => {
    const longAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
    const { token } = await createSession(server.db, owner.user.id, longAgo);
    const expired = await server.call('GET', '/api/auth/me', { token });
    expect(expired.status).toBe(401);
    expect(await errorCode(expired)).toBe('session-expired');
    const unknown = await server.call('GET', '/api/auth/me', { token: 'x'.repeat(43) });
    expect(await errorCode(unknown)).toBe('unauthorized');
    const missing = await server.call('POST', '/api/sync/pull', { body: {} });
    expect(missing.status).toBe(401);
  });

  it('a session used after half its 30 days gets 30 days again; one left unused 30 days expires', async () => {
    const day = 24 * 60 * 60 * 1000;
    const start = new Date('2026-01-01T08:00:00Z');
    const at = (days: number) => new Date(start.getTime() + days * day);
    const used = await createSession(server.db, owner.user.id, start);
    expect((await findSession(server.db, used.token, at(10))).status).toBe('ok'); // 20 days left: unchanged
    expect((await findSession(server.db, used.token, at(20))).status).toBe('ok'); // renewed to day 50
    expect((await findSession(server.db, used.token, at(45))).status).toBe('ok'); // renewed to day 75
    expect((await findSession(server.db, used.token, at(74))).status).toBe('ok');
    const unused = await createSession(server.db, owner.user.id, start);
    expect((await findSession(server.db, unused.token, at(10))).status).toBe('ok');
    expect((await findSession(server.db, unused.token, at(30))).status).toBe('expired');
  });

  it('a logged-out token no longer works', async () => {
    const token = await server.login(owner.email, owner.password);
    expect((await server.call('POST', '/api/auth/logout', { token })).status).toBe(204);
    expect((await server.call('GET', '/api/auth/me', { token })).status).toBe(401);
  });

  it('malformed JSON, wrong types and unknown tables: 400 invalid-body', async () => {
    const broken = await server.call('POST', '/api/sync/push', {
      token: owner.token,
      raw: '{"protocolVersion": 1, "mutations": [',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.status).toBe(400);
    expect(await errorCode(broken)).toBe('invalid-body');
    const wrongTable = await server.call('POST', '/api/sync/push', {
      token: owner.token,
      body: pushBody([{ ...createMutation('visitNotes', note), table: 'users' }]),
    });
    expect(wrongTable.status).toBe(400);
    const body = (await wrongTable.json()) as { error: { code: string; details: { issues: unknown[] } } };
    expect(body.error.code).toBe('invalid-body');
    expect(body.error.details.issues.length).toBeGreaterThan(0);
    for (const hostile of ['null', '[]', '"x"', '{"protocolVersion":"1"}', '{"__proto__":{"admin":true}}']) {
      const res = await server.call('POST', '/api/sync/pull', { token: owner.token, raw: hostile });
      expect(res.status, hostile).toBe(400);
    }
  });

  it('an oversized body: 413 body-too-large, also when it only grows past the limit once un-gzipped', async () => {
    const big = JSON.stringify(
      pushBody([createMutation('visitNotes', { ...note, observations: 'x'.repeat(REQUEST_MAX_BYTES) })]),
    );
    const plain = await server.call('POST', '/api/sync/push', { token: owner.token, raw: big });
    expect(plain.status).toBe(413);
    expect(await errorCode(plain)).toBe('body-too-large');
    const bomb = gzipSync(Buffer.from(big));
    expect(bomb.length).toBeLessThan(REQUEST_MAX_BYTES);
    const zipped = await server.call('POST', '/api/sync/push', {
      token: owner.token,
      raw: bomb,
      headers: { 'content-encoding': 'gzip' },
    });
    expect(zipped.status).toBe(413);
    expect(await errorCode(zipped)).toBe('body-too-large');
  });

  it('accepts a gzip-compressed push, and refuses broken gzip with 400 invalid-body', async () => {
    const mutation = updateMutation('visitNotes', note, { recommendations: 'Envoyé compressé' }, 1);
    const ok = await server.call('POST', '/api/sync/push', {
      token: owner.token,
      raw: gzipSync(JSON.stringify(pushBody([mutation]))),
      headers: { 'content-encoding': 'gzip' },
    });
    expect(ok.status).toBe(200);
    const broken = await server.call('POST', '/api/sync/push', {
      token: owner.token,
      raw: 'pas du gzip',
      headers: { 'content-encoding': 'gzip' },
    });
    expect(broken.status).toBe(400);
    expect(await errorCode(broken)).toBe('invalid-body');
  });

  it('too many mutations in one batch: 400 batch-too-large', async () => {
    const mutations = Array.from({ length: PUSH_BATCH_MAX_MUTATIONS + 1 }, () =>
      updateMutation('visitNotes', note, { observations: 'x' }, 1),
    );
    const res = await server.call('POST', '/api/sync/push', { token: owner.token, body: pushBody(mutations) });
    expect(res.status).toBe(400);
    expect(await errorCode(res)).toBe('batch-too-large');
  });

  it('another protocol version: 426 protocol-version', async () => {
    const res = await server.call('POST', '/api/sync/pull', {
      token: owner.token,
      body: { protocolVersion: PROTOCOL_VERSION + 1, cursors: {} },
    });
    expect(res.status).toBe(426);
    expect(await errorCode(res)).toBe('protocol-version');
  });

  it('a member calling an admin endpoint: 403 forbidden; an unknown API path: 404 not-found', async () => {
    const res = await server.call('GET', '/api/admin/users', { token: owner.token });
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('forbidden');
    const missing = await server.call('GET', '/api/nulle-part', { token: owner.token });
    expect(missing.status).toBe(404);
  });
});
