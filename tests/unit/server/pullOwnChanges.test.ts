// A pull does not send a device back the records whose latest change came from that device: the
// answers to its push already carried them. Its cursors still move past them; a record another
// device (or the server: a conflict) changed afterwards comes back as usual.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../src/shared/constants';
import type { PullResponse } from '../../../src/shared/protocol';
import { aCommune, aMission } from '../../fixtures/builders';
import { createMutation, updateMutation } from '../../fixtures/mutations';
import { makeTestServer, type TestServer } from './support';

let server: TestServer;
let member: Awaited<ReturnType<TestServer['newUser']>>;
const DEVICE_A = 'device-a';
const DEVICE_B = 'device-b';
const mission = aMission({ title: 'Mission propre' });
const communes = Array.from({ length: 12 }, (_, i) => aCommune(mission.id, { name: `Commune ${i}` }));

beforeAll(async () => {
  server = await makeTestServer();
  member = await server.newUser('member');
  await server.push(member.token, [createMutation('missions', mission)], DEVICE_A);
  await server.push(
    member.token,
    communes.map((c) => createMutation('communes', c)),
    DEVICE_A,
  );
});
afterAll(() => server.close());

async function pull(cursors: Record<string, number>, clientId?: string, limit?: number): Promise<PullResponse> {
  const res = await server.call('POST', '/api/sync/pull', {
    token: member.token,
    body: { protocolVersion: PROTOCOL_VERSION, cursors, limit, clientId },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as PullResponse;
}

/** Cursors of a device that holds the mission (it pushed to it): 0, nothing pulled yet. */
const holding = () => ({ [mission.id]: 0 });

async function pullAll(clientId?: string, start: Record<string, number> = holding(), limit?: number) {
  let cursors = start;
  const changes: PullResponse['changes'] = [];
  for (let pages = 1; ; pages++) {
    const page = await pull(cursors, clientId, limit);
    changes.push(...page.changes);
    cursors = page.cursors;
    if (!page.hasMore) return { changes, cursors, pages };
  }
}

describe('pull skips the pulling device’s own latest changes', () => {
  it('sends the device none of the records it pushed, yet moves its cursor past them', async () => {
    const everyone = await pullAll();
    expect(everyone.changes).toHaveLength(13);
    const own = await pullAll(DEVICE_A);
    expect(own.changes).toEqual([]);
    expect(own.cursors).toEqual(everyone.cursors);
    const other = await pullAll(DEVICE_B);
    expect(other.changes).toHaveLength(13);
  });

  it('pages through the skipped records with small pages, cursors moving each time', async () => {
    const own = await pullAll(DEVICE_A, holding(), 5);
    expect(own.changes).toEqual([]);
    expect(own.pages).toBe(3);
    expect(own.cursors).toEqual((await pullAll()).cursors);
  });

  it('sends a record back once another device changed it, and a conflict the server wrote', async () => {
    const { cursors } = await pullAll(DEVICE_A);
    // Device B changes commune 0; both devices change commune 1's name from version 1: a conflict.
    await server.push(member.token, [updateMutation('communes', communes[0], { cercle: 'Cercle B' }, 1)], DEVICE_B);
    await server.push(member.token, [updateMutation('communes', communes[1], { name: 'Nom de B' }, 1)], DEVICE_B);
    await server.push(member.token, [updateMutation('communes', communes[1], { name: 'Nom de A' }, 1)], DEVICE_A);
    const page = await pullAll(DEVICE_A, cursors);
    const ids = page.changes.map((c) => `${c.table}:${c.table === 'conflicts' ? 'new' : c.id}`);
    expect(ids).toContain(`communes:${communes[0].id}`);
    expect(ids).toContain('conflicts:new');
    // Commune 1's latest change is A's own push (its answer carried the server's copy).
    expect(ids).not.toContain(`communes:${communes[1].id}`);
  });

  it('sends everything to a device that does not say who it is (older apps)', async () => {
    const { changes } = await pullAll(undefined);
    expect(changes.length).toBeGreaterThanOrEqual(13);
  });

  it('sends its own records to a device pulling the mission from its start (no cursor: it may not hold them)', async () => {
    const { changes } = await pullAll(DEVICE_A, {});
    expect(changes.filter((c) => c.table === 'communes')).toHaveLength(12);
  });
});
