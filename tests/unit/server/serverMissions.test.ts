// Missions prepared on the server (POST /api/admin/missions) by an administrator or a coordinator:
// an ordinary mission record (shared schema, version 1, a change sequence, its creator as author),
// pulled by the team and by no one else; teams set by administrators on any mission and by
// coordinators on theirs only; a retry answers the same; bad input is a 4xx that writes nothing.
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../src/shared/constants';
import { missionSchema } from '../../../src/shared/model';
import type { AdminMission, PullResponse, User } from '../../../src/shared/protocol';
import { aMission } from '../../fixtures/builders';
import { createMutation, updateMutation } from '../../fixtures/mutations';
import { openStream } from './liveStream';
import { errorCode, makeTestServer, type TestServer } from './support';

type Account = Awaited<ReturnType<TestServer['newUser']>>;

let server: TestServer;
let adminId: string;
let awa: Account;
let moussa: Account;
let outsider: Account;
let coordinator: Account;
let otherCoordinator: Account;

beforeAll(async () => {
  server = await makeTestServer();
  adminId = (await server.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow()).id;
  awa = await server.newUser('member', 'Awa Exemple');
  moussa = await server.newUser('member', 'Moussa Exemple');
  outsider = await server.newUser('member', 'Étranger Exemple');
  coordinator = await server.newUser('coordinator', 'Coordinatrice Exemple');
  otherCoordinator = await server.newUser('coordinator', 'Autre Coordinateur');
}, 120_000);
afterAll(() => server.close());

const prepared = (overrides: Record<string, unknown> = {}) => ({
  id: ulid(),
  title: 'Mission préparée au bureau',
  project: 'Projet de démonstration',
  startDate: '2024-09-02',
  endDate: '2024-09-06',
  members: [] as { userId: string }[],
  ...overrides,
});

const create = (token: string, body: unknown) => server.call('POST', '/api/admin/missions', { token, body });

async function pullAs(token: string, cursors: Record<string, number> = {}): Promise<PullResponse> {
  const res = await server.call('POST', '/api/sync/pull', {
    token,
    body: { protocolVersion: PROTOCOL_VERSION, cursors, clientId: 'phone-1' },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as PullResponse;
}

/** Every row the server keeps about missions and their teams, as text to compare. */
async function missionState(): Promise<string> {
  const rows = await Promise.all([
    server.db.selectFrom('records').selectAll().orderBy('id').execute(),
    server.db
      .selectFrom('mission_members')
      .select(['mission_id', 'user_id'])
      .orderBy('mission_id')
      .orderBy('user_id')
      .execute(),
    server.db.selectFrom('applied_mutations').select(['mutation_id', 'record_id']).orderBy('mutation_id').execute(),
    server.db.selectFrom('counters').selectAll().execute(),
  ]);
  return JSON.stringify(rows);
}

const memberIds = (mission: AdminMission) => mission.members.map((m) => m.id).sort();

describe('an administrator prepares a mission', () => {
  it('makes an ordinary mission record that its members pull, and nobody else', async () => {
    const body = prepared({ members: [{ userId: awa.user.id }, { userId: coordinator.user.id }] });
    const res = await create(server.adminToken, body);
    expect(res.status).toBe(201);
    const { mission } = (await res.json()) as { mission: AdminMission };
    expect(mission).toMatchObject({ id: body.id, title: body.title });
    // The creator becomes a member as with a push, then the chosen team.
    expect(memberIds(mission)).toEqual([adminId, awa.user.id, coordinator.user.id].sort());

    const page = await pullAs(awa.token);
    expect(page.missions).toContain(body.id);
    const record = page.changes.find((c) => c.table === 'missions' && c.id === body.id);
    expect(record).toMatchObject({ missionId: body.id, version: 1 });
    expect(record?.seq).toBeGreaterThan(0);
    const data = missionSchema.parse(record?.data);
    expect(data).toMatchObject({
      title: body.title,
      project: body.project,
      startDate: body.startDate,
      endDate: body.endDate,
      status: 'preparation',
      vehicles: [],
      deletedAt: null,
    });

    // Recorded as the administrator's write, field by field, like a push of theirs.
    const row = await server.db
      .selectFrom('records')
      .select(['field_meta', 'last_client_id'])
      .where('table_name', '=', 'missions')
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    const meta = JSON.parse(row.field_meta) as Record<string, { v: number; userId: string; by: string }>;
    expect(meta.title).toMatchObject({ v: 1, userId: adminId });
    // No device wrote it: every device of the team pulls it.
    expect(row.last_client_id).not.toBe('phone-1');

    const stranger = await pullAs(outsider.token);
    expect(stranger.missions).not.toContain(body.id);
    expect(stranger.changes.some((c) => c.missionId === body.id)).toBe(false);
    const asked = await server.call('POST', '/api/sync/pull', {
      token: outsider.token,
      body: { protocolVersion: PROTOCOL_VERSION, cursors: { [body.id]: 0 } },
    });
    expect(asked.status).toBe(403);
    expect(await errorCode(asked)).toBe('not-member');
  });

  it('is then edited by a member like any synced mission: no conflict, version 2', async () => {
    const body = prepared({ members: [{ userId: awa.user.id }] });
    expect((await create(server.adminToken, body)).status).toBe(201);
    const pulled = (await pullAs(awa.token)).changes.find((c) => c.id === body.id);
    const { results } = await server.push(
      awa.token,
      [
        updateMutation(
          'missions',
          { id: body.id, missionId: body.id },
          { project: 'Projet revu' },
          pulled?.version ?? 0,
        ),
      ],
      'phone-1',
    );
    expect(results[0]).toMatchObject({ status: 'applied', conflicts: [], record: { version: 2 } });
  });

  it('answers a retry with the same mission: 200, nothing written again', async () => {
    const body = prepared({ members: [{ userId: awa.user.id }] });
    expect((await create(server.adminToken, body)).status).toBe(201);
    const before = await missionState();
    const again = await create(server.adminToken, body);
    expect(again.status).toBe(200);
    const { mission } = (await again.json()) as { mission: AdminMission };
    expect(mission.title).toBe(body.title);
    expect(memberIds(mission)).toEqual([adminId, awa.user.id].sort());
    expect(await missionState()).toBe(before);
  });

  it('refuses another mission on the same id: 409 mission-exists, nothing written', async () => {
    const body = prepared();
    expect((await create(server.adminToken, body)).status).toBe(201);
    const before = await missionState();
    const res = await create(server.adminToken, { ...body, title: 'Une autre mission' });
    expect(res.status).toBe(409);
    expect(await errorCode(res)).toBe('mission-exists');
    // A mission a device pushed first is not taken over either.
    const pushed = aMission();
    await server.push(moussa.token, [createMutation('missions', pushed)]);
    const res2 = await create(server.adminToken, prepared({ id: pushed.id }));
    expect(res2.status).toBe(409);
    expect((await missionState()).length).toBeGreaterThan(before.length);
  });

  it('refuses an unknown person: 404 not-found, nothing written', async () => {
    const before = await missionState();
    const res = await create(server.adminToken, prepared({ members: [{ userId: awa.user.id }, { userId: ulid() }] }));
    expect(res.status).toBe(404);
    expect(await errorCode(res)).toBe('not-found');
    expect(await missionState()).toBe(before);
  });
});

describe('open apps', { timeout: 30_000 }, () => {
  it('of the team hear of a prepared mission at once (live stream), others hear nothing', async () => {
    const res = (token: string) => server.call('GET', '/api/events', { token });
    const team = openStream(await res(awa.token));
    const stranger = openStream(await res(outsider.token));
    try {
      await team.next('ready');
      await stranger.next('ready');
      const body = prepared({ members: [{ userId: awa.user.id }] });
      expect((await create(server.adminToken, body)).status).toBe(201);
      expect(await team.next('change', 10_000)).toEqual({ event: 'change', data: { missionId: body.id } });
      // Signals travel after the answer: give a stray one time to arrive.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(stranger.changes()).toEqual([]);
    } finally {
      await team.close();
      await stranger.close();
    }
  });
});

describe('a coordinator prepares a mission', () => {
  let missionId: string;

  it('creates it with a team, belongs to it, and the team pulls it', async () => {
    const body = prepared({ title: 'Mission de la coordinatrice', members: [{ userId: moussa.user.id }] });
    missionId = body.id;
    const res = await create(coordinator.token, body);
    expect(res.status).toBe(201);
    const { mission } = (await res.json()) as { mission: AdminMission };
    expect(memberIds(mission)).toEqual([coordinator.user.id, moussa.user.id].sort());
    expect((await pullAs(moussa.token)).changes.some((c) => c.id === missionId)).toBe(true);
    expect((await pullAs(coordinator.token)).changes.some((c) => c.id === missionId)).toBe(true);
  });

  it('lists only their missions, and the active accounts to pick from', async () => {
    const res = await server.call('GET', '/api/admin/missions', { token: coordinator.token });
    expect(res.status).toBe(200);
    const { missions } = (await res.json()) as { missions: AdminMission[] };
    expect(missions.map((m) => m.id)).toContain(missionId);
    expect(missions.every((m) => m.members.some((p) => p.id === coordinator.user.id))).toBe(true);
    const other = await server.call('GET', '/api/admin/missions', { token: otherCoordinator.token });
    expect(((await other.json()) as { missions: AdminMission[] }).missions).toEqual([]);

    await server.call('POST', `/api/admin/users/${outsider.user.id}/disable`, { token: server.adminToken });
    const people = await server.call('GET', '/api/admin/accounts', { token: coordinator.token });
    expect(people.status).toBe(200);
    const { accounts } = (await people.json()) as { accounts: (User & { password_hash?: string })[] };
    expect(accounts.map((a) => a.id)).toContain(awa.user.id);
    expect(accounts.map((a) => a.id)).not.toContain(outsider.user.id);
    expect(Object.keys(accounts[0]).sort()).toEqual(['email', 'id', 'name', 'role']);
    await server.call('POST', `/api/admin/users/${outsider.user.id}/enable`, { token: server.adminToken });
    outsider.token = await server.login(outsider.email, outsider.password);
  });

  it('sets the team of their own mission: adds and removes people', async () => {
    const add = await server.call('POST', `/api/admin/missions/${missionId}/members`, {
      token: coordinator.token,
      body: { userId: awa.user.id },
    });
    expect(add.status).toBe(204);
    expect((await pullAs(awa.token)).missions).toContain(missionId);
    const remove = await server.call('DELETE', `/api/admin/missions/${missionId}/members/${awa.user.id}`, {
      token: coordinator.token,
    });
    expect(remove.status).toBe(204);
    expect((await pullAs(awa.token)).missions).not.toContain(missionId);
  });

  it('cannot touch the team of a mission they do not coordinate: 403 not-member, nothing written', async () => {
    const before = await missionState();
    const add = await server.call('POST', `/api/admin/missions/${missionId}/members`, {
      token: otherCoordinator.token,
      body: { userId: otherCoordinator.user.id },
    });
    expect(add.status).toBe(403);
    expect(await errorCode(add)).toBe('not-member');
    const remove = await server.call('DELETE', `/api/admin/missions/${missionId}/members/${moussa.user.id}`, {
      token: otherCoordinator.token,
    });
    expect(remove.status).toBe(403);
    expect(await errorCode(remove)).toBe('not-member');
    // Nor take it over by "preparing" it again under its id.
    const retake = await create(
      otherCoordinator.token,
      prepared({ id: missionId, title: 'Mission de la coordinatrice' }),
    );
    expect(retake.status).toBe(409);
    expect(await errorCode(retake)).toBe('mission-exists');
    // Nor a mission that has a team but no record yet (set up by an administrator before any sync).
    const unsynced = ulid();
    await server.addMember(unsynced, awa.user.id);
    const before2 = await missionState();
    const claim = await create(otherCoordinator.token, prepared({ id: unsynced }));
    expect(claim.status).toBe(409);
    expect(await missionState()).toBe(before2);
    await server.call('DELETE', `/api/admin/missions/${unsynced}/members/${awa.user.id}`, { token: server.adminToken });
    expect(before.length).toBeGreaterThan(0);
  });

  it('an administrator sets the team of any mission, a coordinator\u2019s included', async () => {
    const res = await server.call('POST', `/api/admin/missions/${missionId}/members`, {
      token: server.adminToken,
      body: { userId: outsider.user.id },
    });
    expect(res.status).toBe(204);
    expect((await pullAs(outsider.token)).missions).toContain(missionId);
  });
});

describe('a member', () => {
  it('cannot prepare a mission, list teams or accounts, or set a team, even of their own mission: 403', async () => {
    const own = aMission();
    await server.push(moussa.token, [createMutation('missions', own)]);
    const before = await missionState();
    const attempts = [
      create(moussa.token, prepared()),
      server.call('GET', '/api/admin/missions', { token: moussa.token }),
      server.call('GET', '/api/admin/accounts', { token: moussa.token }),
      server.call('POST', `/api/admin/missions/${own.id}/members`, {
        token: moussa.token,
        body: { userId: awa.user.id },
      }),
      server.call('DELETE', `/api/admin/missions/${own.id}/members/${moussa.user.id}`, { token: moussa.token }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(await errorCode(res)).toBe('forbidden');
    }
    expect(await missionState()).toBe(before);
  });
});

describe('hostile bodies', () => {
  it('are refused with a 4xx and write nothing', async () => {
    const before = await missionState();
    const bodies: unknown[] = [
      null,
      [],
      'mission',
      {},
      prepared({ id: 'a/b' }),
      prepared({ id: '' }),
      prepared({ id: 'x'.repeat(65) }),
      prepared({ title: '' }),
      prepared({ title: '   ' }),
      prepared({ title: 'x'.repeat(100_000) }),
      prepared({ title: 42 }),
      prepared({ startDate: '2024-13-45' }),
      prepared({ startDate: '02/09/2024' }),
      prepared({ endDate: '2024-09-01' }),
      prepared({ members: 'tous' }),
      prepared({ members: [{ userId: '\u0000' }] }),
      prepared({ members: [{}] }),
      prepared({ members: Array.from({ length: 201 }, () => ({ userId: awa.user.id })) }),
      JSON.parse('{"__proto__":{"polluted":true}}'),
      { ...prepared(), members: JSON.parse('[{"userId":"x","__proto__":{"a":1}}]') },
    ];
    for (const body of bodies) {
      const res = await create(server.adminToken, body);
      expect(res.status, JSON.stringify(body)?.slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(await errorCode(res)).toBe('invalid-body');
    }
    const raw = await server.call('POST', '/api/admin/missions', {
      token: server.adminToken,
      raw: '{"id":',
      headers: { 'content-type': 'application/json' },
    });
    expect(raw.status).toBe(400);
    expect(await missionState()).toBe(before);
  });
});
