// The hostile-input suite: over a thousand generated bad requests across every endpoint (push,
// pull, photos and tus, accounts, administration), each made wrong in one way. Every answer is a
// 4xx or a harmless read (never a 5xx), and afterwards the server's data is exactly as before:
// every table but the login counters, every photo file and every unfinished upload. Runs on SQLite,
// and on PostgreSQL in the server-pg project.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../src/shared/constants';
import type { SyncedTable } from '../../../src/shared/model';
import {
  aCommune,
  aMission,
  anActionPoint,
  aParticipant,
  aPhoto,
  aReviewComment,
  aTdrRevision,
  aVisitNote,
} from '../../fixtures/builders';
import { createMutation } from '../../fixtures/mutations';
import { generateHostileRequests, type HostileWorld } from './hostileCases';
import { makeTestServer, type TestServer } from './support';

let server: TestServer;
let world: HostileWorld;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const b64 = (s: string) => Buffer.from(s).toString('base64');

/** A small JPEG-looking file (the JPEG magic bytes, then noise), unique per call. */
function jpegBytes(seed: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`${seed}-${'x'.repeat(3000)}`)]);
}

async function startUpload(token: string, missionId: string, bytes: Buffer): Promise<string> {
  const res = await server.call('POST', '/api/photos/uploads/', {
    token,
    headers: {
      'tus-resumable': '1.0.0',
      'upload-length': String(bytes.length),
      'upload-metadata': `hash ${b64(sha256(bytes))},missionId ${b64(missionId)},filetype ${b64('image/jpeg')}`,
    },
  });
  if (res.status !== 201) throw new Error(`upload creation: ${res.status} ${await res.text()}`);
  return res.headers.get('location') ?? '';
}

async function uploadPhoto(token: string, missionId: string, bytes: Buffer): Promise<void> {
  const url = await startUpload(token, missionId, bytes);
  const res = await server.app.request(url, {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${token}`,
      'tus-resumable': '1.0.0',
      'upload-offset': '0',
      'content-type': 'application/offset+octet-stream',
    },
    body: new Uint8Array(bytes),
  });
  if (res.status !== 204) throw new Error(`upload: ${res.status} ${await res.text()}`);
}

/** Everything the server keeps, as comparable text: every table except login counters, and files. */
async function snapshot(): Promise<string> {
  const tables = (await server.db.introspection.getTables())
    .map((t) => t.name)
    .filter((name) => !/^kysely_|login|throttle|attempt/i.test(name))
    .sort();
  const parts: string[] = [];
  for (const table of tables) {
    // biome-ignore lint/suspicious/noExplicitAny: any table, read whole
    const rows = await (server.db as any).selectFrom(table).selectAll().execute();
    const lines = rows.map((row: unknown) => JSON.stringify(row)).sort();
    parts.push(`${table}: ${lines.join('\n')}`);
  }
  for (const folder of ['photos', 'uploads']) {
    const root = path.join(server.dataDir, folder);
    const files = fs.existsSync(root)
      ? fs
          .readdirSync(root, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => `${e.name}:${fs.statSync(path.join(e.parentPath, e.name)).size}`)
          .sort()
      : [];
    parts.push(`${folder}: ${files.join(',')}`);
  }
  return parts.join('\n');
}

beforeAll(async () => {
  server = await makeTestServer();
  const member = await server.newUser('member');
  const outsider = await server.newUser('member');

  const mission = aMission();
  const commune = aCommune(mission.id);
  const note = aVisitNote(mission.id, commune.id, {
    authorIds: [member.user.id],
    achievements: [{ id: 'ach1', activity: 'Forage', plannedFcfa: 1_000_000, spentFcfa: 500_000, state: 'en_cours' }],
  });
  const photoBytes = jpegBytes('mine');
  const photo = aPhoto(mission.id, note.id, { hash: sha256(photoBytes), bytes: photoBytes.length });
  const withVehicle = { ...mission, vehicles: [{ id: 'v1', label: 'Pick-up', driver: 'Chauffeur', seats: 4 }] };
  const mine: [SyncedTable, { id: string; missionId: string }][] = [
    ['missions', withVehicle],
    ['tdrRevisions', aTdrRevision(mission.id)],
    ['participants', aParticipant(mission.id)],
    ['communes', commune],
    ['visitNotes', note],
    ['photos', photo],
    ['actionPoints', anActionPoint(mission.id)],
    ['reviewComments', aReviewComment(mission.id, note.id, { fromState: 'brouillon', toState: 'soumise' })],
  ];
  const pushed = await server.push(
    member.token,
    mine.map(([table, record]) => createMutation(table, record)),
  );
  if (pushed.results.some((r) => r.status !== 'applied')) throw new Error(JSON.stringify(pushed.results));
  await uploadPhoto(member.token, mission.id, photoBytes);

  const foreign = aMission({ title: 'Une autre mission' });
  const foreignNote = aVisitNote(foreign.id, aCommune(foreign.id).id);
  const foreignBytes = jpegBytes('foreign');
  await server.push(outsider.token, [
    createMutation('missions', foreign),
    createMutation('visitNotes', foreignNote),
    createMutation('photos', aPhoto(foreign.id, foreignNote.id, { hash: sha256(foreignBytes) })),
  ]);
  await uploadPhoto(outsider.token, foreign.id, foreignBytes);
  const foreignUpload = await startUpload(outsider.token, foreign.id, jpegBytes('unfinished'));

  world = {
    memberToken: member.token,
    adminToken: server.adminToken,
    memberUserId: member.user.id,
    adminUserId: (
      await server.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow()
    ).id,
    missionId: mission.id,
    records: pushed.results.map((r, i) => {
      if (r.status !== 'applied') throw new Error('not applied');
      return { table: mine[i][0], id: r.record.id, data: r.record.data };
    }),
    foreignMissionId: foreign.id,
    foreignRecordId: foreignNote.id,
    photoHash: photo.hash,
    foreignPhotoHash: sha256(foreignBytes),
    foreignUploadId: foreignUpload.split('/').at(-1) ?? '',
  };
  // Three accounts (scrypt), two missions and two photos: more than Vitest's 10 s on a loaded machine.
}, 120_000);
afterAll(() => server.close());

describe('generated hostile requests', () => {
  it('over a thousand bad requests on every endpoint: never a 5xx, and nothing changes', async () => {
    const requests = generateHostileRequests(world);
    expect(requests.length).toBeGreaterThanOrEqual(1000);
    const before = await snapshot();

    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const request of requests) {
      let status: number;
      let text = '';
      try {
        const res = await server.app.request(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
        });
        status = res.status;
        text = request.method === 'HEAD' ? '' : await res.text();
      } catch (error) {
        failures.push(`${request.label}: threw ${String(error)}`);
        continue;
      }
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (process.env.HOSTILE_REPORT && status < 300)
        fs.appendFileSync(`${process.env.HOSTILE_REPORT}.ok`, `${status} ${request.label}\n`);
      if (status >= 500) failures.push(`${request.label}: ${status} ${text.slice(0, 200)}`);
      // An API error is always JSON with a code and a French message.
      if (status >= 400 && request.method !== 'HEAD') {
        const body = (() => {
          try {
            return JSON.parse(text) as { error?: { code?: string; message?: string } };
          } catch {
            return null;
          }
        })();
        if (!body?.error?.code || !body.error.message)
          failures.push(`${request.label}: ${status} not a JSON error: ${text.slice(0, 120)}`);
      }
      // A push may answer 200, but only to refuse every mutation it carried.
      if (status < 300 && request.url === '/api/sync/push') {
        const results = (JSON.parse(text) as { results: { status: string }[] }).results;
        if (results.some((r) => r.status !== 'rejected')) failures.push(`${request.label}: a mutation was accepted`);
      }
    }
    if (process.env.HOSTILE_REPORT) fs.writeFileSync(process.env.HOSTILE_REPORT, failures.join('\n'));
    expect(failures, failures.slice(0, 40).join('\n')).toEqual([]);
    // The server's data and files are exactly as before.
    const after = await snapshot();
    if (process.env.HOSTILE_REPORT && after !== before) {
      fs.writeFileSync(`${process.env.HOSTILE_REPORT}.before`, before);
      fs.writeFileSync(`${process.env.HOSTILE_REPORT}.after`, after);
    }
    expect(after).toBe(before);
    // The member can still sync: nothing was broken for the mission.
    const res = await server.call('POST', '/api/sync/pull', {
      token: world.memberToken,
      body: { protocolVersion: PROTOCOL_VERSION, cursors: {} },
    });
    expect(res.status).toBe(200);
    console.log(`hostile suite: ${requests.length} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  }, 300_000);
});
