// The live stream on the real server process: an app's stream opened over HTTP hears a push made
// through another connection, and SIGTERM ends open streams at once, so the server stops promptly
// instead of waiting out the 10 s grace kept for pushes and photo chunks (http/gracefulStop.ts).
import { afterAll, describe, expect, it } from 'vitest';
import { STOP_GRACE_MS } from '../../../src/server/http/gracefulStop';
import { ADMIN_ENV, adminApiOf, createAccount, freshEmail, PASSWORD } from '../../e2e/support/accounts';
import { makeDataDir, type RunningServer, startServer } from '../../e2e/support/server';
import { aMission } from '../../fixtures/builders';
import { createMutation, updateMutation } from '../../fixtures/mutations';
import { loginAs, push } from './liveClient';
import { openStream } from './liveStream';
import { freshDatabaseUrl } from './support';

const running: RunningServer[] = [];
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const server of running) await server.stop('SIGKILL');
  for (const drop of drops) await drop();
});

async function start(): Promise<RunningServer> {
  const database = await freshDatabaseUrl();
  drops.push(database.drop);
  const server = await startServer({ dataDir: makeDataDir(), env: { ...ADMIN_ENV, DATABASE_URL: database.url ?? '' } });
  running.push(server);
  return server;
}

const listen = async (server: RunningServer, token: string) => {
  const res = await fetch(`${server.url}/api/events`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const stream = openStream(res);
  await stream.next('ready');
  return stream;
};

describe('live stream on the server process', { timeout: 60_000 }, () => {
  it('hears a push over HTTP, and SIGTERM ends the streams and stops well before the grace period', async () => {
    const server = await start();
    const admin = await adminApiOf(server.url);
    const email = freshEmail('awa');
    await createAccount(admin, 'Awa Exemple', { email });
    const phone = await loginAs(server, email, PASSWORD);
    const otherPhone = await loginAs(server, email, PASSWORD);
    const mission = aMission();
    await push(server, phone, [createMutation('missions', mission)]);

    const stream = await listen(server, phone);
    await push(server, otherPhone, [updateMutation('missions', mission, { title: 'Nouveau titre' }, 1)], 'autre');
    expect(await stream.next('change')).toEqual({ event: 'change', data: { missionId: mission.id } });

    const started = Date.now();
    const exited = new Promise<void>((resolve) => server.process.once('exit', () => resolve()));
    server.process.kill('SIGTERM');
    await stream.ended(STOP_GRACE_MS);
    await exited;
    const stopMs = Date.now() - started;
    console.log(`SIGTERM with a live stream open: stopped in ${stopMs} ms`);
    expect(stopMs).toBeLessThan(STOP_GRACE_MS / 2);
  });
});
