// Two server processes on one PostgreSQL database: a phone whose live stream is open on one process
// hears, within seconds, a review step pushed through the other (LISTEN/NOTIFY), and only for the
// missions it belongs to. PostgreSQL only (server-pg project): SQLite is one process by design.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ENV, adminApiOf, createAccount, freshEmail, PASSWORD } from '../../e2e/support/accounts';
import { makeDataDir, type RunningServer, startServer } from '../../e2e/support/server';
import { aMission, aReviewComment, aVisitNote } from '../../fixtures/builders';
import { createMutation, updateMutation } from '../../fixtures/mutations';
import { loginAs, push } from './liveClient';
import { type LiveStream, openStream } from './liveStream';
import { freshDatabaseUrl } from './support';

let servers: RunningServer[] = [];
let dropDatabase: () => Promise<void> = async () => undefined;
const streams: LiveStream[] = [];

beforeAll(async () => {
  const database = await freshDatabaseUrl();
  dropDatabase = database.drop;
  const env = { ...ADMIN_ENV, DATABASE_URL: database.url ?? '' };
  const dataDir = makeDataDir();
  servers.push(await startServer({ dataDir, env }));
  servers.push(await startServer({ dataDir, env }));
}, 120_000);

afterAll(async () => {
  for (const stream of streams) await stream.close();
  await Promise.all(servers.map((server) => server.stop()));
  servers = [];
  await dropDatabase();
});

async function listen(server: RunningServer, token: string): Promise<LiveStream> {
  const res = await fetch(`${server.url}/api/events`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const stream = openStream(res);
  streams.push(stream);
  await stream.next('ready');
  return stream;
}

describe('live streams across two server processes', { timeout: 60_000 }, () => {
  it('a stream on one process hears a push made through the other, for its own missions only', async () => {
    const [a, b] = servers;
    const admin = await adminApiOf(a.url);
    const memberEmail = freshEmail('awa');
    const coordinatorEmail = freshEmail('coordinatrice');
    const outsiderEmail = freshEmail('autre');
    await createAccount(admin, 'Awa Exemple', { email: memberEmail });
    const coordinator = await createAccount(admin, 'Coordinatrice Exemple', {
      email: coordinatorEmail,
      role: 'coordinator',
    });
    await createAccount(admin, 'Autre Exemple', { email: outsiderEmail });
    const member = await loginAs(a, memberEmail, PASSWORD);
    const coordinatorToken = await loginAs(a, coordinatorEmail, PASSWORD);
    const outsider = await loginAs(b, outsiderEmail, PASSWORD);

    const mission = aMission();
    const note = aVisitNote(mission.id, 'c1', { state: 'soumise' });
    await push(a, member, [createMutation('missions', mission), createMutation('visitNotes', note)]);
    await admin.addMember(mission.id, coordinator.id);
    await push(b, outsider, [createMutation('missions', aMission())]);

    const memberOnB = await listen(b, member);
    const outsiderOnB = await listen(b, outsider);
    const started = Date.now();
    await push(
      a,
      coordinatorToken,
      [
        updateMutation('visitNotes', note, { state: 'a_revoir' }, 1),
        createMutation('reviewComments', aReviewComment(mission.id, note.id)),
      ],
      'telephone-coordinatrice',
    );
    expect(await memberOnB.next('change')).toEqual({ event: 'change', data: { missionId: mission.id } });
    console.log(`push on process A heard on process B after ${Date.now() - started} ms`);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(outsiderOnB.changes()).toEqual([]);
    expect(outsiderOnB.raw()).not.toContain(mission.id);
  });
});
