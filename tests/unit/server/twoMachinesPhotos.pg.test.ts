// Two server processes on two "machines": one PostgreSQL database, but each with its OWN data
// folder (no shared disk). A photo upload started through the first and cut mid-way finishes
// through the second; both serve the photo, byte for byte; a pull through either misses nothing;
// and neither data folder holds a photo or an upload: they are all in the database.
// PostgreSQL only (server-pg project).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../src/shared/constants';
import { createSyncApi } from '../../../src/sync/api';
import { ADMIN_ENV, adminApiOf, apiClientAs, createAccount, PASSWORD } from '../../e2e/support/accounts';
import { type RunningServer, startServer } from '../../e2e/support/server';
import { aMission, aPhoto, aVisitNote } from '../../fixtures/builders';
import { createMutation } from '../../fixtures/mutations';
import { jpegLike, sha256, TUS, uploadMetadata } from './photosTus';
import { freshDatabaseUrl } from './support';

let servers: RunningServer[] = [];
let dropDatabase: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  const database = await freshDatabaseUrl();
  dropDatabase = database.drop;
  const env = { ...ADMIN_ENV, DATABASE_URL: database.url ?? '' };
  // One after the other: the first one migrates the database, the second finds it ready.
  servers.push(await startServer({ env }));
  servers.push(await startServer({ env }));
  expect(servers[0].dataDir).not.toBe(servers[1].dataDir);
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  for (const server of servers) fs.rmSync(server.dataDir, { recursive: true, force: true });
  servers = [];
  await dropDatabase();
});

async function tokenOf(server: RunningServer, email: string): Promise<string> {
  const client = await apiClientAs(server.url, email, PASSWORD);
  return (await client.token()) as string;
}

const tusHeaders = (token: string, extra: Record<string, string> = {}) => ({
  ...TUS,
  authorization: `Bearer ${token}`,
  ...extra,
});

/** A PATCH whose connection drops after `sent` bytes, like a phone losing its network. */
async function cutPatch(url: string, token: string, offset: number, sent: Buffer) {
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (first) {
        first = false;
        controller.enqueue(new Uint8Array(sent));
        return;
      }
      await new Promise((r) => setTimeout(r, 1500));
      controller.error(new Error('réseau perdu'));
    },
  });
  await fetch(url, {
    method: 'PATCH',
    headers: tusHeaders(token, {
      'upload-offset': String(offset),
      'content-type': 'application/offset+octet-stream',
    }),
    body,
    duplex: 'half',
  } as RequestInit).catch(() => undefined);
}

async function offsetOn(server: RunningServer, location: string, token: string): Promise<number> {
  const head = await fetch(`${server.url}${location}`, { method: 'HEAD', headers: tusHeaders(token) });
  expect(head.status).toBe(200);
  return Number(head.headers.get('upload-offset'));
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => e.name);
}

describe('two server processes with different data folders on one PostgreSQL database', () => {
  it('finish through one an upload cut through the other, and both serve the photo', async () => {
    const [first, second] = servers;
    const admin = await adminApiOf(first.url);
    const member = await createAccount(admin, 'Membre Exemple', { email: 'membre.deux@exemple.test' });
    const token = await tokenOf(first, member.email);
    const tokenOnSecond = await tokenOf(second, member.email);

    const photo = jpegLike(900 * 1024);
    const hash = sha256(photo);
    const mission = aMission();
    const note = aVisitNote(mission.id, 'commune-1');
    const record = aPhoto(mission.id, note.id, { hash, bytes: photo.length });
    const api = createSyncApi(await apiClientAs(first.url, member.email, PASSWORD));
    const pushed = await api.push({
      protocolVersion: PROTOCOL_VERSION,
      clientId: 'telephone-1',
      mutations: [
        createMutation('missions', mission),
        createMutation('visitNotes', note),
        createMutation('photos', record),
      ],
    });
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

    // Started through the first process: 300 KiB arrive whole, then the link drops mid-PATCH.
    const created = await fetch(`${first.url}/api/photos/uploads/`, {
      method: 'POST',
      headers: tusHeaders(token, {
        'upload-length': String(photo.length),
        'upload-metadata': uploadMetadata(hash, mission.id),
      }),
    });
    expect(created.status).toBe(201);
    const location = created.headers.get('location') as string;
    const firstPart = 300 * 1024;
    const patched = await fetch(`${first.url}${location}`, {
      method: 'PATCH',
      headers: tusHeaders(token, { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }),
      body: new Uint8Array(photo.subarray(0, firstPart)),
    });
    expect(patched.status).toBe(204);
    await cutPatch(`${first.url}${location}`, token, firstPart, photo.subarray(firstPart, firstPart + 200 * 1024));

    // The second process knows the upload and its offset: the device goes on from there, as the
    // app does (a 409 means the first process wrote more meanwhile: ask again).
    let resumedAt = -1;
    for (let attempt = 0; attempt < 20; attempt++) {
      const offset = await offsetOn(second, location, tokenOnSecond);
      if (resumedAt < 0) resumedAt = offset;
      if (offset === photo.length) break;
      const res = await fetch(`${second.url}${location}`, {
        method: 'PATCH',
        headers: tusHeaders(tokenOnSecond, {
          'upload-offset': String(offset),
          'content-type': 'application/offset+octet-stream',
        }),
        body: new Uint8Array(photo.subarray(offset)),
      });
      if (res.status === 204) break;
      expect(res.status).toBe(409);
    }
    expect(resumedAt).toBeGreaterThanOrEqual(firstPart);
    expect(await offsetOn(second, location, tokenOnSecond)).toBe(photo.length);

    for (const [server, bearer] of [
      [first, token],
      [second, tokenOnSecond],
    ] as const) {
      const got = await fetch(`${server.url}/api/photos/${hash}`, { headers: { authorization: `Bearer ${bearer}` } });
      expect(got.status).toBe(200);
      expect(sha256(Buffer.from(await got.arrayBuffer()))).toBe(hash);
      // Across the boundary of the first PATCH's bytes and the cut one's: two stored pieces.
      const middle = await fetch(`${server.url}/api/photos/${hash}`, {
        headers: { authorization: `Bearer ${bearer}`, range: 'bytes=307190-307210' },
      });
      expect(middle.status).toBe(206);
      expect(Buffer.from(await middle.arrayBuffer()).equals(photo.subarray(307190, 307211))).toBe(true);
    }

    // A pull through either process misses nothing.
    for (const server of servers) {
      const puller = createSyncApi(await apiClientAs(server.url, member.email, PASSWORD));
      const page = await puller.pull({ protocolVersion: PROTOCOL_VERSION, cursors: {}, limit: 100 });
      const ids = page.changes.map((change) => change.id);
      expect(ids).toEqual(expect.arrayContaining([mission.id, note.id, record.id]));
    }

    // Nothing of it on either machine's disk.
    for (const server of servers) {
      expect(filesUnder(path.join(server.dataDir, 'photos'))).toEqual([]);
      expect(filesUnder(path.join(server.dataDir, 'uploads'))).toEqual([]);
    }
  }, 120_000);
});
