// What a device pushes is untrusted: every pushed value must fit its field before anything is
// written (also when it would only be kept in a conflict), the server stores the schema's output
// (no unknown nested keys), odd shapes and ids get a 4xx (never a 5xx), and a push that changes
// nothing makes no new version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../src/shared/constants';
import type { MutationResult } from '../../../src/shared/protocol';
import { aMission, aTdrRevision, aVisitNote } from '../../fixtures/builders';
import { createMutation, updateMutation } from '../../fixtures/mutations';
import { errorCode, makeTestServer, type TestServer } from './support';

let server: TestServer;
let member: Awaited<ReturnType<TestServer['newUser']>>;
let coordinator: Awaited<ReturnType<TestServer['newUser']>>;
const mission = aMission({
  vehicles: [{ id: 'v1', label: '4x4', driver: 'Bakary Exemple', seats: 4, onclick: 'alert(1)' } as never],
});

beforeAll(async () => {
  server = await makeTestServer();
  member = await server.newUser('member', 'Membre Exemple');
  coordinator = await server.newUser('coordinator', 'Coordinatrice Exemple');
  await server.push(member.token, [createMutation('missions', mission)]);
  await server.addMember(mission.id, coordinator.user.id);
});
afterAll(() => server.close());

const outcome = (r: MutationResult) => (r.status === 'rejected' ? r.code : r.status);

async function stored(id: string) {
  const { changes } = await server.pull(member.token);
  return changes.find((c) => c.id === id);
}

/** A note at version 2 whose `observations` were changed on phone A, so phone B's edit from version 1 is stale. */
async function noteChangedElsewhere() {
  const note = aVisitNote(mission.id, 'c1');
  await server.push(member.token, [createMutation('visitNotes', note)], 'phone-a');
  await server.push(
    member.token,
    [updateMutation('visitNotes', note, { observations: 'A', achievements: [], peopleMet: 'A' }, 1)],
    'phone-a',
  );
  // Make the next edits of these fields from version 1 stale (a conflict if they were valid).
  return note;
}

async function conflictCount() {
  const rows = await server.db.selectFrom('records').select('id').where('table_name', '=', 'conflicts').execute();
  return rows.length;
}

describe('pushed values are checked field by field, conflict or not', () => {
  it('refuses a stale edit whose value does not fit the field, and writes no conflict', async () => {
    const note = await noteChangedElsewhere();
    await server.push(
      member.token,
      [
        updateMutation(
          'visitNotes',
          note,
          { achievements: [{ id: 'a1', activity: 'x', plannedFcfa: 1, spentFcfa: 1, state: 'prevu' }] },
          2,
        ),
      ],
      'phone-a',
    );
    const before = await stored(note.id);
    const conflictsBefore = await conflictCount();
    const { results } = await server.push(
      member.token,
      [
        updateMutation('visitNotes', note, { achievements: [null] }, 1),
        updateMutation('visitNotes', note, { peopleMet: { big: 'x'.repeat(150_000) } }, 1),
        updateMutation('visitNotes', note, { observations: 42 }, 1),
      ],
      'phone-b',
    );
    expect(results.map(outcome)).toEqual(['invalid-record', 'invalid-record', 'invalid-record']);
    expect(await conflictCount()).toBe(conflictsBefore);
    expect(await stored(note.id)).toEqual(before);
  });

  it('stores what the schema keeps: unknown nested keys are dropped on create and on edit', async () => {
    const created = await stored(mission.id);
    expect(created?.data.vehicles).toEqual([{ id: 'v1', label: '4x4', driver: 'Bakary Exemple', seats: 4 }]);
    const revision = aTdrRevision(mission.id, { number: 7 });
    const withSecret = { ...revision, sections: { ...revision.sections, secret: 'caché' } };
    await server.push(member.token, [createMutation('tdrRevisions', withSecret as never)]);
    expect(JSON.stringify((await stored(revision.id))?.data)).not.toContain('caché');
    const { results } = await server.push(member.token, [
      updateMutation(
        'missions',
        mission,
        { vehicles: [{ id: 'v2', label: 'Pick-up', driver: '', seats: 2, onclick: 'alert(2)', style: {} }] },
        1,
      ),
      updateMutation('tdrRevisions', revision, { sections: { ...revision.sections, secret: 'caché' } }, 1),
    ]);
    expect(results.map(outcome)).toEqual(['applied', 'applied']);
    const pulled = JSON.stringify([(await stored(mission.id))?.data, (await stored(revision.id))?.data]);
    expect(pulled).not.toContain('onclick');
    expect(pulled).not.toContain('style');
    expect(pulled).not.toContain('caché');
  });
});

describe('odd shapes and ids get a 4xx, never a 5xx', () => {
  const pushRaw = (mutations: unknown[], clientId = 'phone-a') =>
    server.call('POST', '/api/sync/push', {
      token: member.token,
      body: { protocolVersion: PROTOCOL_VERSION, clientId, mutations },
    });

  it('refuses values nested thousands deep (they used to overflow the stack while merging)', async () => {
    const note = aVisitNote(mission.id, 'c1');
    await server.push(member.token, [createMutation('visitNotes', note)]);
    // Written as text: even JSON.stringify cannot serialise a value this deep.
    const deep = `${'['.repeat(5000)}"fond"${']'.repeat(5000)}`;
    const withDeep = (mutation: object, field: string, value: string) =>
      server.call('POST', '/api/sync/push', {
        token: member.token,
        raw: JSON.stringify({ protocolVersion: PROTOCOL_VERSION, clientId: 'phone-a', mutations: [mutation] }).replace(
          `"${field}":"DEEP"`,
          `"${field}":${value}`,
        ),
      });
    const res = await withDeep(updateMutation('visitNotes', note, { observations: 'DEEP' }, 1), 'observations', deep);
    expect(res.status).toBe(400);
    expect(await errorCode(res)).toBe('invalid-body');
    const conflict = updateMutation('conflicts', { id: 'x1', missionId: mission.id }, { values: 'DEEP' }, 1);
    const settle = await withDeep(conflict, 'values', `[{"value":${deep}}]`);
    expect(settle.status).toBe(400);
    expect((await stored(note.id))?.version).toBe(1);
  });

  it('refuses ids with characters no ULID or UUID has (U+0000 broke PostgreSQL)', async () => {
    const note = aVisitNote(mission.id, 'c1');
    const good = createMutation('visitNotes', note);
    const bad = ['a\u0000b', 'a b', 'a/b', "a'b", 'é', ''];
    for (const id of bad) {
      for (const mutation of [
        { ...good, mutationId: id },
        { ...good, recordId: id, changes: { ...good.changes, id } },
        { ...good, missionId: id },
      ]) {
        const res = await pushRaw([mutation]);
        expect(res.status, JSON.stringify(id)).toBe(400);
      }
      expect((await pushRaw([good], id)).status, JSON.stringify(id)).toBe(400);
      const pull = await server.call('POST', '/api/sync/pull', {
        token: member.token,
        body: { protocolVersion: PROTOCOL_VERSION, cursors: { [id]: 0 } },
      });
      expect(pull.status, JSON.stringify(id)).toBe(400);
      const missing = await server.call('POST', '/api/photos/missing', {
        token: member.token,
        body: { missionId: id, hashes: [] },
      });
      expect(missing.status, JSON.stringify(id)).toBe(400);
    }
    const admin = [
      ['POST', `/api/admin/missions/a%00b/members`, { userId: member.user.id }],
      ['POST', `/api/admin/missions/${mission.id}/members`, { userId: 'a\u0000b' }],
      ['DELETE', `/api/admin/missions/a%00b/members/${member.user.id}`, undefined],
      ['DELETE', `/api/admin/missions/${mission.id}/members/a%00b`, undefined],
    ] as const;
    for (const [method, url, body] of admin) {
      const res = await server.call(method, url, { token: server.adminToken, body });
      expect(res.status, `${method} ${url}`).toBe(400);
    }
    expect((await stored(note.id)) ?? null).toBeNull();
  });

  it('refuses an account name with control characters (U+0000 broke PostgreSQL)', async () => {
    for (const name of ['Awa\u0000Exemple', 'Awa\u0007', '\u001b[31mAwa']) {
      const res = await server.call('POST', '/api/admin/users', {
        token: server.adminToken,
        body: { email: `nul.${Date.now()}@exemple.test`, name, role: 'member', password: 'mot-de-passe-long' },
      });
      expect(res.status, JSON.stringify(name)).toBe(400);
    }
  });

  it('accepts the ids the app and its tests make (ULID, UUID, short names)', async () => {
    const ids = ['01J3Z7Q9X4M5N6P7R8S9T0V1W2', crypto.randomUUID(), 'note_1', 'device-a'];
    for (const id of ids) {
      const note = aVisitNote(mission.id, 'c1', { id });
      const res = await pushRaw([{ ...createMutation('visitNotes', note), mutationId: id }], id);
      expect(res.status).toBe(200);
    }
  });

  it('keeps U+0000 inside a text field as text (PostgreSQL too)', async () => {
    const note = aVisitNote(mission.id, 'c1', { observations: 'avant\u0000après' });
    const { results } = await server.push(member.token, [createMutation('visitNotes', note)]);
    expect(results.map(outcome)).toEqual(['applied']);
    expect((await stored(note.id))?.data.observations).toBe('avant\u0000après');
  });
});

describe('a push that changes nothing makes no new version', () => {
  it('ignores createdAt and serverVersion, refuses a non-string updatedAt, even on a validated note', async () => {
    const note = aVisitNote(mission.id, 'c1');
    await server.push(member.token, [createMutation('visitNotes', note)]);
    await server.push(member.token, [updateMutation('visitNotes', note, { state: 'soumise' }, 1)]);
    await server.push(coordinator.token, [updateMutation('visitNotes', note, { state: 'validee' }, 2)]);
    const before = await stored(note.id);
    expect(before?.version).toBe(3);
    const { results } = await server.push(member.token, [
      updateMutation('visitNotes', note, { createdAt: '2030-01-01T00:00:00.000Z' }, 3),
      updateMutation('visitNotes', note, { serverVersion: 99 }, 3),
      updateMutation('visitNotes', note, { createdAt: '2030-01-01T00:00:00.000Z', serverVersion: 1 }, 3),
    ]);
    expect(results.map(outcome)).toEqual(['applied', 'applied', 'applied']);
    for (const r of results) expect(r).toMatchObject({ record: { version: 3, seq: before?.seq }, conflicts: [] });
    const odd = await server.push(member.token, [
      updateMutation('visitNotes', note, { updatedAt: 42 }, 3),
      updateMutation('visitNotes', note, { updatedAt: null }, 3),
    ]);
    expect(odd.results.map(outcome)).toEqual(['invalid-record', 'invalid-record']);
    expect(await stored(note.id)).toEqual(before);
  });

  it('makes no new version for a delete of a record already deleted', async () => {
    const note = aVisitNote(mission.id, 'c1');
    await server.push(member.token, [createMutation('visitNotes', note)]);
    const deletion = {
      ...updateMutation('visitNotes', note, { deletedAt: '2024-07-25T10:00:00.000Z' }, 1),
      op: 'delete' as const,
    };
    await server.push(member.token, [deletion]);
    const before = await stored(note.id);
    const again = await server.push(member.token, [{ ...deletion, mutationId: `${deletion.mutationId}-2` }]);
    expect(again.results[0]).toMatchObject({ status: 'applied', record: { version: 2, seq: before?.seq } });
  });
});
