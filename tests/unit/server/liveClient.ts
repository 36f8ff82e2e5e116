// A small client of a real server process (tests/e2e/support/server.ts): log in, push, pull
// everything, upload photos with the tus requests of photosTus.ts sent over HTTP.
import type { Hono } from 'hono';
import type { AppEnv } from '../../../src/server/auth/middleware';
import { PROTOCOL_VERSION } from '../../../src/shared/constants';
import type { Mutation, PullResponse, PushResponse, ServerRecord } from '../../../src/shared/protocol';
import type { RunningServer } from '../../e2e/support/server';

/** photosTus.ts's helpers take an app; this one sends their requests to the real server. */
export function remoteApp(server: RunningServer): Hono<AppEnv> {
  const request = (url: string, init?: RequestInit) => fetch(url.startsWith('http') ? url : server.url + url, init);
  return { request } as unknown as Hono<AppEnv>;
}

export async function postJson<T>(server: RunningServer, url: string, token: string | null, body: unknown): Promise<T> {
  const res = await fetch(server.url + url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export const loginAs = async (server: RunningServer, email: string, password: string) =>
  (await postJson<{ token: string }>(server, '/api/auth/login', null, { email, password })).token;

export const push = (server: RunningServer, token: string, mutations: Mutation[], clientId = 'appareil-test') =>
  postJson<PushResponse>(server, '/api/sync/push', token, { protocolVersion: PROTOCOL_VERSION, clientId, mutations });

export async function pullEverything(server: RunningServer, token: string): Promise<ServerRecord[]> {
  const all: ServerRecord[] = [];
  let cursors: Record<string, number> = {};
  for (;;) {
    const page = await postJson<PullResponse>(server, '/api/sync/pull', token, {
      protocolVersion: PROTOCOL_VERSION,
      cursors,
    });
    all.push(...page.changes);
    cursors = page.cursors;
    if (!page.hasMore) return all;
  }
}
