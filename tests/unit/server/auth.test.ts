// Accounts: first-start administrator, login with scrypt-hashed passwords, sessions, and the admin
// endpoints that create accounts and put people on missions.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../../src/server/app';
import { bootstrapAdmin } from '../../../src/server/auth/bootstrapAdmin';
import { startAccountHousekeeping } from '../../../src/server/auth/housekeeping';
import { ADDRESS_RULE, addressKey, pairKey, takeAttempt } from '../../../src/server/auth/loginThrottle';
import { hashPassword, verifyPassword } from '../../../src/server/auth/passwords';
import { openDatabase } from '../../../src/server/db/database';
import { migrateToLatest } from '../../../src/server/db/migrations';
import { sessionSchema } from '../../../src/shared/protocol';
import { changePassword } from '../../../src/sync/accountApi';
import type { HttpClient } from '../../../src/sync/http';
import { aMission } from '../../fixtures/builders';
import { createMutation } from '../../fixtures/mutations';
import { ADMIN_EMAIL, ADMIN_PASSWORD, errorCode, makeTestServer, type TestServer } from './support';

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
  // Delays are counted on a clock that stands still here: no test depends on how fast it runs.
  const frozen = new Date();
  const appAt = (trustProxy = false) =>
    createApp({
      distDir: server.dataDir,
      version: 'test',
      db: server.db,
      dataDir: server.dataDir,
      trustProxy,
      now: () => frozen,
    });
  let app: ReturnType<typeof createApp>;
  beforeAll(() => {
    app = appAt();
  });
  /** A login from a given client address (as @hono/node-server passes the socket), with cookies. */
  const attemptFrom = (address: string, email: string, password: string, cookie?: string) =>
    app.request(
      '/api/auth/login',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ email, password }),
      },
      { incoming: { socket: { remoteAddress: address } } },
    );
  /** The device cookie a successful login gave, as a Cookie header. */
  const deviceCookie = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0];
  let addressCounter = 0;
  const freshAddress = () => `10.20.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}`;

  it('after five wrong passwords from one address, that address waits (429, Retry-After), even with the right password', async () => {
    const agent = await server.newUser();
    const address = freshAddress();
    for (let i = 0; i < 5; i++) {
      expect((await attemptFrom(address, agent.email, 'mauvais-mot-de-passe')).status).toBe(401);
    }
    const sixth = await attemptFrom(address, agent.email, agent.password);
    expect(sixth.status).toBe(429);
    expect(await errorCode(sixth)).toBe('too-many-attempts');
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('a stranger guessing from elsewhere does not lock the owner out', async () => {
    const agent = await server.newUser();
    const stranger = freshAddress();
    for (let i = 0; i < 8; i++) await attemptFrom(stranger, agent.email, `essai-${i}`);
    expect((await attemptFrom(stranger, agent.email, 'encore-un')).status).toBe(429);
    // The administrator's account neither.
    for (let i = 0; i < 8; i++) await attemptFrom(stranger, ADMIN_EMAIL, `essai-${i}`);
    expect((await attemptFrom(freshAddress(), agent.email, agent.password)).status).toBe(200);
    expect((await attemptFrom(freshAddress(), ADMIN_EMAIL, ADMIN_PASSWORD)).status).toBe(200);
  });

  it('a known device logs in with the right password even when a stranger on its own address is throttled', async () => {
    const agent = await server.newUser();
    const carrierNat = freshAddress();
    const first = await attemptFrom(carrierNat, agent.email, agent.password);
    expect(first.status).toBe(200);
    const cookie = deviceCookie(first);
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(first.headers.get('set-cookie')).toMatch(/SameSite=Strict/i);
    for (let i = 0; i < 8; i++) await attemptFrom(carrierNat, agent.email, `essai-${i}`);
    expect((await attemptFrom(carrierNat, agent.email, agent.password)).status).toBe(429);
    expect((await attemptFrom(carrierNat, agent.email, agent.password, cookie)).status).toBe(200);
    // Its own wrong guesses are still throttled (a stolen cookie does not open unlimited guessing).
    for (let i = 0; i < 5; i++) await attemptFrom(carrierNat, agent.email, `essai-${i}`, cookie);
    expect((await attemptFrom(carrierNat, agent.email, agent.password, cookie)).status).toBe(429);
  });

  it('limits one address over many e-mails (100 failures), refusing unknown e-mails before hashing', async () => {
    const address = freshAddress();
    for (let i = 0; i < ADDRESS_RULE.freeFailures; i++) {
      await takeAttempt(server.db, [pairKey(`inconnu${i}@exemple.test`, address), addressKey(address)], frozen);
    }
    const refused = await attemptFrom(address, 'encore.inconnu@exemple.test', 'peu-importe');
    expect(refused.status).toBe(429);
    expect(await errorCode(refused)).toBe('too-many-attempts');
  });

  it('counts failures in the database: two server processes share them', async () => {
    const agent = await server.newUser();
    const address = freshAddress();
    const other = appAt();
    const viaOther = () =>
      other.request(
        '/api/auth/login',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: agent.email, password: 'mauvais-mot-de-passe' }),
        },
        { incoming: { socket: { remoteAddress: address } } },
      );
    for (let i = 0; i < 5; i++) expect((await viaOther()).status).toBe(401);
    expect((await attemptFrom(address, agent.email, agent.password)).status).toBe(429);
  });

  it('takes the address from X-Forwarded-For (last hop) only with TRUST_PROXY', async () => {
    const agent = await server.newUser();
    const proxy = freshAddress();
    const proxied = appAt(true);
    const direct = appAt(false);
    const viaProxy = (client: string, password: string, app = proxied) =>
      app.request(
        '/api/auth/login',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `1.2.3.4, ${client}` },
          body: JSON.stringify({ email: agent.email, password }),
        },
        { incoming: { socket: { remoteAddress: proxy } } },
      );
    const stranger = freshAddress();
    for (let i = 0; i < 6; i++) await viaProxy(stranger, 'mauvais-mot-de-passe');
    expect((await viaProxy(stranger, agent.password)).status).toBe(429);
    expect((await viaProxy(freshAddress(), agent.password)).status).toBe(200);
    // Without TRUST_PROXY the header is ignored: every client is the proxy's address.
    for (let i = 0; i < 6; i++) await viaProxy(freshAddress(), 'mauvais-mot-de-passe', direct);
    expect((await viaProxy(freshAddress(), agent.password, direct)).status).toBe(429);
  });

  // The real clock here: parallel logins read each other's rows with clocks milliseconds apart.
  it('lets a team log in at the same moment from one shared address, every one of them', async () => {
    const team = await Promise.all(Array.from({ length: 12 }, () => server.newUser()));
    const address = freshAddress();
    const answers = await Promise.all(
      team.map((agent) => {
        const body = JSON.stringify({ email: agent.email, password: agent.password });
        // With its length, as a phone's fetch sends it (a body without one is read as a large one).
        const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
        return server.app.request(
          '/api/auth/login',
          { method: 'POST', headers, body },
          { incoming: { socket: { remoteAddress: address } } },
        );
      }),
    );
    expect(answers.map((res) => res.status)).toEqual(team.map(() => 200));
  }, 60_000);

  it('a successful login resets the count for that pair', async () => {
    const agent = await server.newUser();
    const address = freshAddress();
    for (let i = 0; i < 4; i++) await attemptFrom(address, agent.email, 'mauvais-mot-de-passe');
    expect((await attemptFrom(address, agent.email, agent.password)).status).toBe(200);
    for (let i = 0; i < 4; i++) await attemptFrom(address, agent.email, 'mauvais-mot-de-passe');
    expect((await attemptFrom(address, agent.email, agent.password)).status).toBe(200);
  });

  it('login bodies are small: more than 4 KB is refused with 413', async () => {
    const big = await server.call('POST', '/api/auth/login', {
      body: { email: 'a@exemple.test', password: 'x'.repeat(5000) },
    });
    expect(big.status).toBe(413);
    expect(await errorCode(big)).toBe('body-too-large');
    // Sent without a length (chunked), it is cut off while read.
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`{"email":"a@exemple.test","password":"${'x'.repeat(8000)}"}`));
        controller.close();
      },
    });
    const chunked = await server.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
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
    expect(users.users).toContainEqual({ ...coordinator.user, disabledAt: null });
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

describe('disabling an account', () => {
  const disable = (userId: string, token = server.adminToken) =>
    server.call('POST', `/api/admin/users/${userId}/disable`, { token });
  const enable = (userId: string, token = server.adminToken) =>
    server.call('POST', `/api/admin/users/${userId}/enable`, { token });

  it('ends all its sessions at once, refuses its logins with account-disabled, and can be undone', async () => {
    const agent = await server.newUser();
    const secondPhone = await server.login(agent.email, agent.password);
    expect((await disable(agent.user.id)).status).toBe(204);
    for (const token of [agent.token, secondPhone]) {
      const res = await server.call('GET', '/api/auth/me', { token });
      expect(res.status).toBe(401);
    }
    const sessions = await server.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('user_id', '=', agent.user.id)
      .execute();
    expect(sessions).toHaveLength(0);
    const refused = await server.call('POST', '/api/auth/login', {
      body: { email: agent.email, password: agent.password },
    });
    expect(refused.status).toBe(403);
    expect(await errorCode(refused)).toBe('account-disabled');
    // A wrong password says nothing about the account being disabled.
    const wrong = await server.call('POST', '/api/auth/login', {
      body: { email: agent.email, password: 'pas-le-bon' },
    });
    expect(await errorCode(wrong)).toBe('wrong-credentials');
    const listed = (await (await server.call('GET', '/api/admin/users', { token: server.adminToken })).json()) as {
      users: { id: string; disabledAt: string | null }[];
    };
    expect(listed.users.find((u) => u.id === agent.user.id)?.disabledAt).toEqual(expect.any(String));
    expect((await disable(agent.user.id)).status).toBe(204);
    expect((await enable(agent.user.id)).status).toBe(204);
    expect(await server.login(agent.email, agent.password)).toBeTruthy();
  });

  it('refuses a session made by a login that was running when the account was disabled', async () => {
    const agent = await server.newUser();
    await server.db
      .updateTable('users')
      .set({ disabled_at: new Date().toISOString() })
      .where('id', '=', agent.user.id)
      .execute();
    expect((await server.call('GET', '/api/auth/me', { token: agent.token })).status).toBe(401);
    await server.db.updateTable('users').set({ disabled_at: null }).where('id', '=', agent.user.id).execute();
  });

  it('an administrator cannot disable themself (so an active administrator always remains)', async () => {
    const me = (await (await server.call('GET', '/api/auth/me', { token: server.adminToken })).json()) as {
      user: { id: string };
    };
    const res = await disable(me.user.id);
    expect(res.status).toBe(409);
    expect(await errorCode(res)).toBe('cannot-disable-self');
    expect((await server.call('GET', '/api/auth/me', { token: server.adminToken })).status).toBe(200);
  });

  it('is for administrators only; an unknown account is 404', async () => {
    const coordinator = await server.newUser('coordinator');
    const agent = await server.newUser();
    expect((await disable(agent.user.id, coordinator.token)).status).toBe(403);
    expect((await disable('inconnu')).status).toBe(404);
    expect((await server.call('GET', '/api/auth/me', { token: agent.token })).status).toBe(200);
  });
});

describe('expired sessions', () => {
  it('are deleted by the clean-up that runs at start and every hour', async () => {
    const agent = await server.newUser();
    const past = new Date(Date.now() - 1000).toISOString();
    await server.db
      .insertInto('sessions')
      .values({ token_hash: 'expire-test', user_id: agent.user.id, created_at: past, expires_at: past })
      .execute();
    const stop = startAccountHousekeeping(server.db, 60 * 60 * 1000);
    await vi.waitFor(async () => {
      const rows = await server.db
        .selectFrom('sessions')
        .select('token_hash')
        .where('token_hash', '=', 'expire-test')
        .execute();
      expect(rows).toHaveLength(0);
    });
    stop();
    expect((await server.call('GET', '/api/auth/me', { token: agent.token })).status).toBe(200);
  });
});
