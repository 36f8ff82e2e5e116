// The operator's log: one JSON line per request with the route pattern (no ids, no query), status,
// duration, user id and request id (also sent back as X-Request-Id); one line per sync batch with its
// counts; an unexpected error's stack in the log and not in the answer. Never a body, token or password.
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../../src/server/errors';
import { recordServerError, requestLog } from '../../../src/server/http/requestLog';
import type { LogRecord } from '../../../src/server/log';
import { type RunningServer, startServer } from '../../e2e/support/server';
import { aMission, aVisitNote } from '../../fixtures/builders';
import { createMutation, updateMutation } from '../../fixtures/mutations';
import { postJson, push } from './liveClient';

const PASSWORD = 'mot-de-passe-tres-secret';
const running: RunningServer[] = [];
afterAll(async () => {
  for (const server of running) await server.stop();
});

const jsonLines = (output: string) =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogRecord);

describe('request log', () => {
  it('writes a line per request and per sync batch on the real server, with no secret in it', async () => {
    const server = await startServer({
      env: { LOG_FORMAT: 'json', ADMIN_EMAIL: 'admin@exemple.test', ADMIN_PASSWORD: PASSWORD },
    });
    running.push(server);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'proxy-1234-abcd' },
      body: JSON.stringify({ email: 'admin@exemple.test', password: PASSWORD }),
    });
    expect(login.headers.get('x-request-id')).toBe('proxy-1234-abcd');
    const { token, user } = (await login.json()) as { token: string; user: { id: string } };

    const mission = aMission();
    const note = aVisitNote(mission.id, 'c1');
    const first = createMutation('visitNotes', note);
    await push(server, token, [createMutation('missions', mission), first]);
    // A replay, a refused change (a field that does not exist) and an edit.
    await push(server, token, [
      first,
      updateMutation('visitNotes', note, { champInconnu: 'x' }, 1),
      updateMutation('visitNotes', note, { observations: 'Version A' }, 1),
    ]);
    // Another device edits the same field from the old version: a conflict.
    await push(server, token, [updateMutation('visitNotes', note, { observations: 'Version B' }, 1)], 'autre-appareil');
    const photo = await fetch(`${server.url}/api/photos/${'a'.repeat(64)}?secret=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(photo.status).toBe(404);
    const requestId = photo.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await postJson(server, '/api/auth/logout', token, {}).catch(() => undefined);

    await expect.poll(() => jsonLines(server.output()).filter((l) => l.msg === 'sync-push').length).toBe(3);
    const lines = jsonLines(server.output());
    const loginLine = lines.find((l) => l.requestId === 'proxy-1234-abcd');
    expect(loginLine).toMatchObject({ msg: 'request', method: 'POST', route: '/api/auth/login', status: 200 });
    const photoLine = lines.find((l) => l.requestId === requestId);
    expect(photoLine).toMatchObject({
      msg: 'request',
      method: 'GET',
      route: '/api/photos/:hash',
      status: 404,
      user: user.id,
    });
    expect(typeof photoLine?.time).toBe('string');
    expect(typeof photoLine?.ms).toBe('number');
    const batches = lines.filter((l) => l.msg === 'sync-push');
    expect(
      batches.map(({ mutations, applied, duplicates, rejected, conflicts }) => ({
        mutations,
        applied,
        duplicates,
        rejected,
        conflicts,
      })),
    ).toEqual([
      { mutations: 2, applied: 2, duplicates: 0, rejected: 0, conflicts: 0 },
      { mutations: 3, applied: 1, duplicates: 1, rejected: 1, conflicts: 0 },
      { mutations: 1, applied: 1, duplicates: 0, rejected: 0, conflicts: 1 },
    ]);
    expect(batches[0]).toMatchObject({ user: user.id, clientId: 'appareil-test' });
    const pushLine = lines.find((l) => l.msg === 'request' && l.route === '/api/sync/push');
    expect(pushLine?.requestId).toBe(batches[0].requestId);

    const output = server.output();
    expect(output).not.toContain(PASSWORD);
    expect(output).not.toContain(token);
    expect(output).not.toContain('secret=1');
    expect(output).not.toContain('Version A');
  }, 120_000);

  it('puts an unexpected error’s stack in the log line and nothing of it in the answer', async () => {
    const lines: LogRecord[] = [];
    const app = new Hono();
    app.use(
      '*',
      requestLog((line) => lines.push(line)),
    );
    app.onError((error, c) => {
      recordServerError(c, error);
      return c.json(errorBody('internal'), 500);
    });
    app.get('/api/boom/:id', () => {
      throw new Error('panne de disque simulée');
    });
    const res = await app.request('/api/boom/42');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('panne');
    expect(text).not.toContain('at ');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'request', route: '/api/boom/:id', status: 500, user: null });
    const error = lines[0].error as { message: string; stack: string };
    expect(error.message).toBe('panne de disque simulée');
    expect(error.stack).toContain('requestLog.test.ts');
  });
});
