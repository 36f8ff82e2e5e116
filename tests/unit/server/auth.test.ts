// Accounts: first-start administrator, login with scrypt-hashed passwords, sessions, and the admin
// endpoints that create accounts and put people on missions.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapAdmin } from '../../../src/server/auth/bootstrapAdmin';
import { hashPassword, verifyPassword } from '../../../src/server/auth/passwords';
import { openDatabase } from '../../../src/server/db/database';
import { migrateToLatest } from '../../../src/server/db/migrations';
import { sessionSchema } from '../../../src/shared/protocol';
import { changePassword } from '../../../src/sync/accountApi';
import type { HttpClient } from '../../../src/sync/http';
import { aMission } from '../../fixtures/builders';
import { createMutation } from '../../fixtures/mutations';
import { errorCode, makeTestServer, type TestServer } from './support';

let server: TestServer;
beforeAll(async () => {
  server = await makeTestServer();
});
afterAll(() => server.close());

describe('passwords', () => {
  it('are stored as salted scrypt hashes and verified', async () => {
    const a = await hashPassword('sésame ouvre-toi');
    const b = await hashPassword('sésame ouvre-toi');
    expect(a).toMatch(/^scrypt\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('sésame ouvre-toi', a)).toBe(true);
    expect(await verifyPassword('sesame ouvre-toi', a)).toBe(false);
  });
});

describe('first start', () => {
  it('creates one administrator with a printed one-time password, once, and keeps the schema on restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'terrain-boot-'));
    const lines: string[] = [];
    for (let start = 0; start < 2; start++) {
      const db = await openDatabase({ dataDir });
      await migrateToLatest(db);
      await bootstrapAdmin(db, {}, (line) => lines.push(line));
      const users = await db.selectFrom('users').select(['email', 'role', 'password_hash']).execute();
      expect(users).toHaveLength(1);
      expect(users[0]).toMatchObject({ email: 'admin@terrain.local', role: 'admin' });
      const printed = lines.join('\n').match(/unique.*: (\S+)$/m)?.[1];
      expect(printed && (await verifyPassword(printed, users[0].password_hash))).toBe(true);
      await db.destroy();
    }
    expect(lines.filter((l) => l.includes('mot de passe'))).toHaveLength(1);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('login and session', () => {
  it('logs in with e-mail (any case) and password, and answers who the user is and their missions', async () => {
    const agent = await server.newUser('member', 'Agent Exemple');
    const res = await server.call('POST', '/api/auth/login', {
      body: { email: agent.email.toUpperCase(), password: agent.password },
    });
    expect(res.status).toBe(200);
    const session = sessionSchema.parse(await res.json());
    expect(session.user).toEqual(agent.user);
    expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
    const mission = aMission();
    await server.push(session.token, [createMutation('missions', mission)]);
    const me = await server.call('GET', '/api/auth/me', { token: session.token });
    expect(await me.json()).toEqual({ user: agent.user, missions: [mission.id] });
  });

  it('stores only a hash of the session token', async () => {
    const agent = await server.newUser();
    const rows = await server.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === agent.token)).toBe(false);
  });
});

describe('login throttling', () => {
  const attempt = (email: string, password: string) =>
    server.call('POST', '/api/auth/login', { body: { email, password } });

  it('answers 429 too-many-attempts with Retry-After after five wrong passwords, even to the right one', async () => {
    const agent = await server.newUser();
    for (let i = 0; i < 5; i++) expect((await attempt(agent.email, 'mauvais-mot-de-passe')).status).toBe(401);
    const sixth = await attempt(agent.email, 'mauvais-mot-de-passe');
    expect(sixth.status).toBe(429);
    expect(await errorCode(sixth)).toBe('too-many-attempts');
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    const right = await attempt(agent.email, agent.password);
    expect(right.status).toBe(429);
    expect(right.headers.get('retry-after')).not.toBeNull();
    // Another account is not affected.
    const other = await server.newUser();
    expect((await attempt(other.email, other.password)).status).toBe(200);
  });

  it('a successful login resets the count for that e-mail', async () => {
    const agent = await server.newUser();
    for (let i = 0; i < 4; i++) await attempt(agent.email, 'mauvais-mot-de-passe');
    expect((await attempt(agent.email, agent.password)).status).toBe(200);
    for (let i = 0; i < 4; i++) await attempt(agent.email, 'mauvais-mot-de-passe');
    expect((await attempt(agent.email, agent.password)).status).toBe(200);
  });
});

describe('password change', () => {
  const change = (token: string, body: unknown) => server.call('POST', '/api/auth/password', { token, body });

  it('changes the password, keeps this session and ends the other ones', async () => {
    const agent = await server.newUser();
    const otherDevice = await server.login(agent.email, agent.password);
    const res = await change(agent.token, { currentPassword: agent.password, newPassword: 'nouveau-secret-1' });
    expect(res.status).toBe(204);
    expect((await server.call('GET', '/api/auth/me', { token: agent.token })).status).toBe(200);
    const ended = await server.call('GET', '/api/auth/me', { token: otherDevice });
    expect(ended.status).toBe(401);
    expect(await errorCode(ended)).toBe('unauthorized');
    const old = await server.call('POST', '/api/auth/login', {
      body: { email: agent.email, password: agent.password },
    });
    expect(old.status).toBe(401);
    expect(await server.login(agent.email, 'nouveau-secret-1')).toBeTruthy();
  });

  it('refuses a wrong current password (401 wrong-credentials) and a short new one (400), changing nothing', async () => {
    const agent = await server.newUser();
    const wrong = await change(agent.token, { currentPassword: 'pas-le-bon', newPassword: 'nouveau-secret-1' });
    expect(wrong.status).toBe(401);
    expect(await errorCode(wrong)).toBe('wrong-credentials');
    const short = await change(agent.token, { currentPassword: agent.password, newPassword: 'court' });
    expect(short.status).toBe(400);
    expect(await errorCode(short)).toBe('invalid-body');
    expect((await server.call('GET', '/api/auth/me', { token: agent.token })).status).toBe(200);
    expect(await server.login(agent.email, agent.password)).toBeTruthy();
  });

  it('is reached by the app through changePassword, which reports the server code', async () => {
    const agent = await server.newUser();
    const client: HttpClient = {
      baseUrl: 'http://terrain.test',
      fetch: (input, init) => Promise.resolve(server.app.request(input, init)),
      token: async () => agent.token,
      gzip: false,
    };
    await expect(
      changePassword({ currentPassword: 'pas-le-bon', newPassword: 'nouveau-secret-2' }, client),
    ).rejects.toMatchObject({ code: 'wrong-credentials', status: 401 });
    await changePassword({ currentPassword: agent.password, newPassword: 'nouveau-secret-2' }, client);
    expect(await server.login(agent.email, 'nouveau-secret-2')).toBeTruthy();
  });

  it('needs a session', async () => {
    const res = await change('', { currentPassword: 'x', newPassword: 'nouveau-secret-1' });
    expect(res.status).toBe(401);
  });
});

describe('admin endpoints', () => {
  it('refuses a second account with the same e-mail: 409 email-taken', async () => {
    const agent = await server.newUser();
    const res = await server.call('POST', '/api/admin/users', {
      token: server.adminToken,
      body: { email: agent.email, name: 'Doublon', role: 'member', password: 'mot-de-passe-2' },
    });
    expect(res.status).toBe(409);
    expect(await errorCode(res)).toBe('email-taken');
  });

  it('lists users and missions with their members; adding a member twice is harmless', async () => {
    const coordinator = await server.newUser('coordinator', 'Coordinateur Exemple');
    const mission = aMission({ title: 'Mission de suivi' });
    await server.push(server.adminToken, [createMutation('missions', mission)]);
    await server.addMember(mission.id, coordinator.user.id);
    await server.addMember(mission.id, coordinator.user.id);
    const users = (await (await server.call('GET', '/api/admin/users', { token: server.adminToken })).json()) as {
      users: unknown[];
    };
    expect(users.users).toContainEqual(coordinator.user);
    const missions = (await (await server.call('GET', '/api/admin/missions', { token: server.adminToken })).json()) as {
      missions: { id: string; title: string; members: { id: string }[] }[];
    };
    const listed = missions.missions.find((m) => m.id === mission.id);
    expect(listed?.title).toBe('Mission de suivi');
    expect(listed?.members.filter((m) => m.id === coordinator.user.id)).toHaveLength(1);
  });

  it('refuses to add an unknown user to a mission: 404', async () => {
    const res = await server.call('POST', '/api/admin/missions/m-1/members', {
      token: server.adminToken,
      body: { userId: 'inconnu' },
    });
    expect(res.status).toBe(404);
  });
});
