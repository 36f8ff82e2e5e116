// A real server app on a temporary data folder (real SQLite file, real migrations), driven in
// process with Hono's app.request(). One per test file; fictional accounts only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ulid } from 'ulid';
import { createApp } from '../../../src/server/app';
import { bootstrapAdmin } from '../../../src/server/auth/bootstrapAdmin';
import { openDatabase } from '../../../src/server/db/database';
import { migrateToLatest } from '../../../src/server/db/migrations';
import { LiveHub, type LiveHubOptions } from '../../../src/server/live/liveHub';
import { openChangeBus } from '../../../src/server/live/openChangeBus';
import { PROTOCOL_VERSION } from '../../../src/shared/constants';
import type { Mutation, PullResponse, PushResponse, Role, User } from '../../../src/shared/protocol';

export const ADMIN_EMAIL = 'admin@terrain.local';
export const ADMIN_PASSWORD = 'mot-de-passe-admin';

export interface CallOptions {
  token?: string;
  body?: unknown;
  raw?: BodyInit;
  headers?: Record<string, string>;
}

/**
 * TERRAIN_TEST_PG_URL=postgres://user@host:port/postgres runs the same tests on PostgreSQL: each
 * test server gets a fresh database there, dropped at the end.
 */
export async function freshDatabaseUrl(
  adminUrl = process.env.TERRAIN_TEST_PG_URL,
): Promise<{ url?: string; drop: () => Promise<void> }> {
  if (!adminUrl) return { drop: async () => undefined };
  const pg = (await import('pg')).default;
  const name = `terrain_test_${ulid().toLowerCase()}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE ${name}`) };
}

export async function makeTestServer(options: { live?: LiveHubOptions } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'terrain-server-'));
  const database = await freshDatabaseUrl();
  const db = await openDatabase({ dataDir, databaseUrl: database.url });
  await migrateToLatest(db);
  await bootstrapAdmin(db, { ADMIN_EMAIL, ADMIN_PASSWORD }, () => undefined);
  const distDir = path.join(dataDir, 'dist');
  fs.mkdirSync(distDir);
  // Live streams on the bus of this storage: LISTEN/NOTIFY on PostgreSQL, in process on SQLite.
  const live = new LiveHub(db, await openChangeBus(db, database.url), options.live);
  const app = createApp({ distDir, version: 'test', db, dataDir, live });

  async function call(method: string, url: string, options: CallOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body = options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    return app.request(url, { method, headers, body });
  }

  async function login(email: string, password: string): Promise<string> {
    const res = await call('POST', '/api/auth/login', { body: { email, password } });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  }

  const adminToken = await login(ADMIN_EMAIL, ADMIN_PASSWORD);

  /** Creates an account through the admin API and logs it in. */
  async function newUser(role: Role = 'member', name = `Agent ${ulid().slice(-6)}`) {
    const slug = name
      .normalize('NFD')
      .replace(/[^A-Za-z0-9]+/g, '.')
      .toLowerCase();
    const email = `${slug}.${ulid().slice(-6).toLowerCase()}@exemple.test`;
    const password = 'mot-de-passe-test';
    const res = await call('POST', '/api/admin/users', { token: adminToken, body: { email, name, role, password } });
    if (res.status !== 201) throw new Error(`create user: ${res.status} ${await res.text()}`);
    const { user } = (await res.json()) as { user: User };
    return { user, email, password, token: await login(email, password) };
  }

  async function addMember(missionId: string, userId: string) {
    const res = await call('POST', `/api/admin/missions/${missionId}/members`, { token: adminToken, body: { userId } });
    if (res.status !== 204) throw new Error(`add member: ${res.status} ${await res.text()}`);
  }

  async function push(token: string, mutations: Mutation[], clientId = 'device-a'): Promise<PushResponse> {
    const res = await call('POST', '/api/sync/push', {
      token,
      body: { protocolVersion: PROTOCOL_VERSION, clientId, mutations },
    });
    if (res.status !== 200) throw new Error(`push: ${res.status} ${await res.text()}`);
    return (await res.json()) as PushResponse;
  }

  async function pull(token: string, cursors: Record<string, number> = {}, limit?: number): Promise<PullResponse> {
    const res = await call('POST', '/api/sync/pull', {
      token,
      body: { protocolVersion: PROTOCOL_VERSION, cursors, limit },
    });
    if (res.status !== 200) throw new Error(`pull: ${res.status} ${await res.text()}`);
    return (await res.json()) as PullResponse;
  }

  async function close() {
    await live.close();
    await db.destroy();
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  return { app, db, dataDir, live, call, login, adminToken, newUser, addMember, push, pull, close };
}

export type TestServer = Awaited<ReturnType<typeof makeTestServer>>;

export async function errorCode(res: Response): Promise<string> {
  const body = (await res.json()) as { error?: { code?: string; message?: string } };
  if (!body.error?.message) throw new Error(`no French message in ${JSON.stringify(body)}`);
  return body.error.code ?? '';
}
