// GET /api/events: the live stream that tells open apps to pull. Same bearer session as sync; a
// stream hears only of missions its account belongs to (never another mission's id), not of its own
// pushes, gets a heartbeat comment, and closes when its session ends. Runs on SQLite (in-process
// bus) and, in the server-pg project, on PostgreSQL (LISTEN/NOTIFY).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_MAX_STREAMS_PER_SESSION } from '../../../src/shared/liveEvents';
import { aMission, aReviewComment, aVisitNote } from '../../fixtures/builders';
import { createMutation, updateMutation } from '../../fixtures/mutations';
import { type LiveStream, openStream } from './liveStream';
import { errorCode, makeTestServer, type TestServer } from './support';

let server: TestServer;
const streams: LiveStream[] = [];
beforeAll(async () => {
  server = await makeTestServer({ live: { heartbeatMs: 300 } });
});
afterAll(async () => {
  for (const stream of streams) await stream.close();
  await server.close();
});

async function listen(token: string): Promise<LiveStream> {
  const res = await server.call('GET', '/api/events', { token });
  expect(res.status).toBe(200);
  const stream = openStream(res);
  streams.push(stream);
  expect(await stream.next('ready')).toMatchObject({ event: 'ready' });
  return stream;
}

/** Signals travel after the answer (through PostgreSQL on the pg project): give them a moment. */
const SETTLE_MS = 1_500;

describe('GET /api/events', { timeout: 30_000 }, () => {
  it('needs a session: 401 without a token or with an unknown one, never a stream', async () => {
    const none = await server.call('GET', '/api/events');
    expect(none.status).toBe(401);
    expect(await errorCode(none)).toBe('unauthorized');
    const unknown = await server.call('GET', '/api/events', { token: 'x'.repeat(43) });
    expect(unknown.status).toBe(401);
    expect(await errorCode(unknown)).toBe('unauthorized');
  });

  it('is an event stream that opens with "ready" and keeps a heartbeat comment going', async () => {
    const member = await server.newUser('member');
    const res = await server.call('GET', '/api/events', { token: member.token });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toContain('no-cache');
    const stream = openStream(res);
    streams.push(stream);
    expect((await stream.next('ready')).event).toBe('ready');
    expect((await stream.next('comment')).comment).toBe('heartbeat');
  });

  it('tells members of the mission that changed, with its id only, and nobody else', async () => {
    const member = await server.newUser('member', 'Awa Exemple');
    const coordinator = await server.newUser('coordinator', 'Coordinatrice Exemple');
    const outsider = await server.newUser('member', 'Autre Mission');
    const mission = aMission();
    const other = aMission();
    const note = aVisitNote(mission.id, 'c1', { state: 'soumise' });
    await server.push(member.token, [createMutation('missions', mission), createMutation('visitNotes', note)]);
    await server.addMember(mission.id, coordinator.user.id);
    await server.push(outsider.token, [createMutation('missions', other)]);

    const memberStream = await listen(member.token);
    const outsiderStream = await listen(outsider.token);
    const coordinatorStream = await listen(coordinator.token);
    const adminStream = await listen(server.adminToken);

    // The coordinator asks for changes (a review step is an ordinary push).
    const answer = await server.push(
      coordinator.token,
      [
        updateMutation('visitNotes', note, { state: 'a_revoir' }, 1),
        createMutation('reviewComments', aReviewComment(mission.id, note.id)),
      ],
      'telephone-coordinatrice',
    );
    expect(answer.results.map((r) => r.status)).toEqual(['applied', 'applied']);

    expect(await memberStream.next('change')).toEqual({ event: 'change', data: { missionId: mission.id } });
    expect(await adminStream.next('change')).toEqual({ event: 'change', data: { missionId: mission.id } });
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    // One signal per push, not per record; none for the writer's own session, none across missions.
    expect(memberStream.changes()).toEqual([{ missionId: mission.id }]);
    expect(coordinatorStream.changes()).toEqual([]);
    expect(outsiderStream.changes()).toEqual([]);

    // The outsider's own mission, changed from the outsider's other phone: only the outsider hears of it.
    const otherPhone = await server.login(outsider.email, outsider.password);
    await server.push(otherPhone, [updateMutation('missions', other, { title: 'Autre titre' }, 1)], 'autre');
    expect(await outsiderStream.next('change')).toEqual({ event: 'change', data: { missionId: other.id } });
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    expect(memberStream.changes()).toEqual([{ missionId: mission.id }]);
    expect(coordinatorStream.changes()).toEqual([]);
    for (const stream of [memberStream, coordinatorStream, outsiderStream]) {
      expect(stream.raw()).not.toContain(note.id);
    }
    expect(memberStream.raw()).not.toContain(other.id);
  });

  it('a push that is refused says nothing to anyone', async () => {
    const member = await server.newUser('member');
    const outsider = await server.newUser('member');
    const mission = aMission();
    await server.push(member.token, [createMutation('missions', mission)]);
    const memberStream = await listen(member.token);
    const answer = await server.push(outsider.token, [updateMutation('missions', mission, { title: 'Pris' }, 1)]);
    expect(answer.results[0].status).toBe('rejected');
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    expect(memberStream.changes()).toEqual([]);
  });

  it('someone added to a mission hears of it, and of its changes from then on', async () => {
    const owner = await server.newUser('member');
    const newcomer = await server.newUser('member');
    const mission = aMission();
    await server.push(owner.token, [createMutation('missions', mission)]);
    const stream = await listen(newcomer.token);
    await server.addMember(mission.id, newcomer.user.id);
    expect(await stream.next('change')).toEqual({ event: 'change', data: { missionId: mission.id } });
    const res = await server.call('DELETE', `/api/admin/missions/${mission.id}/members/${newcomer.user.id}`, {
      token: server.adminToken,
    });
    expect(res.status).toBe(204);
    // Removed: told to pull (the mission leaves the device), without the mission's id.
    expect(await stream.next('change')).toEqual({ event: 'change', data: {} });
  });

  it('a mission prepared on the server tells its team at once', async () => {
    const member = await server.newUser('member');
    const stream = await listen(member.token);
    const mission = aMission();
    const res = await server.call('POST', '/api/admin/missions', {
      token: server.adminToken,
      body: {
        id: mission.id,
        title: 'Mission préparée',
        startDate: '2024-07-22',
        endDate: '2024-07-26',
        members: [{ userId: member.user.id }],
      },
    });
    expect(res.status).toBe(201);
    expect(await stream.next('change')).toEqual({ event: 'change', data: { missionId: mission.id } });
  });

  it('closes the stream at logout and when the account is disabled', async () => {
    const member = await server.newUser('member');
    const stream = await listen(member.token);
    const logout = await server.call('POST', '/api/auth/logout', { token: member.token });
    expect(logout.status).toBe(204);
    await stream.ended();

    const other = await server.newUser('member');
    const otherStream = await listen(other.token);
    const disable = await server.call('POST', `/api/admin/users/${other.user.id}/disable`, {
      token: server.adminToken,
    });
    expect(disable.status).toBe(204);
    await otherStream.ended();
  });

  it('closes a stream whose session ended where no signal reaches (deleted in the database) at the next heartbeat', async () => {
    const member = await server.newUser('member');
    const stream = await listen(member.token);
    await server.db.deleteFrom('sessions').where('user_id', '=', member.user.id).execute();
    await stream.ended();
  });

  it(`allows ${LIVE_MAX_STREAMS_PER_SESSION} streams per session, then answers 429 server-busy`, async () => {
    const member = await server.newUser('member');
    const open: LiveStream[] = [];
    for (let i = 0; i < LIVE_MAX_STREAMS_PER_SESSION; i++) open.push(await listen(member.token));
    const refused = await server.call('GET', '/api/events', { token: member.token });
    expect(refused.status).toBe(429);
    expect(await errorCode(refused)).toBe('server-busy');
    // Another session of the same account (another phone) still gets one.
    await listen(await server.login(member.email, member.password));
    // A closed stream frees its place.
    await open[0].close();
    await listen(member.token);
  });
});
