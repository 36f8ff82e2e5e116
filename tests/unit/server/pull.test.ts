// Pull pages: bounded in count and bytes, in change-sequence order, cursors that advance so that
// following them returns every record exactly once, and deletions delivered as tombstones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullChanges } from '../../../src/server/sync/pull';
import { PROTOCOL_VERSION } from '../../../src/shared/constants';
import type { ServerRecord } from '../../../src/shared/protocol';
import { aCommune, aMission } from '../../fixtures/builders';
import { createMutation, updateMutation } from '../../fixtures/mutations';
import { makeTestServer, type TestServer } from './support';

let server: TestServer;
let member: Awaited<ReturnType<TestServer['newUser']>>;
const missionA = aMission({ title: 'Mission A' });
const missionB = aMission({ title: 'Mission B' });
const communes = Array.from({ length: 25 }, (_, i) =>
  aCommune(i % 2 ? missionA.id : missionB.id, { name: `Commune ${i}` }),
);

beforeAll(async () => {
  server = await makeTestServer();
  member = await server.newUser('member');
  await server.push(member.token, [createMutation('missions', missionA), createMutation('missions', missionB)]);
  await server.push(
    member.token,
    communes.map((c) => createMutation('communes', c)),
  );
});
afterAll(() => server.close());

async function pullAll(limit: number, start: Record<string, number> = {}) {
  const pages: ServerRecord[][] = [];
  let cursors = start;
  for (;;) {
    const page = await server.pull(member.token, cursors, limit);
    pages.push(page.changes);
    expect(page.changes.length).toBeLessThanOrEqual(limit);
    for (const mission of page.missions) expect(page.cursors[mission]).toBeGreaterThanOrEqual(cursors[mission] ?? 0);
    cursors = page.cursors;
    if (!page.hasMore) return { pages, cursors };
  }
}

describe('pull', () => {
  it('pages at most `limit` changes in seq order; following the cursors gives every record once', async () => {
    const { pages, cursors } = await pullAll(4);
    const all = pages.flat();
    expect(pages.length).toBe(Math.ceil(27 / 4));
    const seqs = all.map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(all.map((c) => c.id)).size).toBe(27);
    expect(all).toHaveLength(27);
    const again = await server.pull(member.token, cursors);
    expect(again).toMatchObject({ changes: [], hasMore: false, cursors });
  });

  it('returns only what changed after the cursor, with the new version', async () => {
    const { cursors } = await pullAll(100);
    await server.push(member.token, [updateMutation('communes', communes[3], { cercle: 'Cercle B' }, 1)]);
    const page = await server.pull(member.token, cursors);
    expect(page.changes).toHaveLength(1);
    expect(page.changes[0]).toMatchObject({ id: communes[3].id, version: 2, data: { cercle: 'Cercle B' } });
    expect(page.cursors[communes[3].missionId]).toBe(page.changes[0].seq);
  });

  it('delivers a deleted record as a tombstone carrying deletedAt', async () => {
    const { cursors } = await pullAll(100);
    const deletedAt = '2024-07-26T09:00:00.000Z';
    await server.push(member.token, [
      { ...updateMutation('communes', communes[5], { deletedAt, updatedAt: deletedAt }, 1), op: 'delete' },
    ]);
    const page = await server.pull(member.token, cursors);
    expect(page.changes).toEqual([
      expect.objectContaining({ id: communes[5].id, data: expect.objectContaining({ deletedAt }) }),
    ]);
  });

  it('pulls a mission from its start when the device has no cursor for it yet', async () => {
    const { cursors } = await pullAll(100);
    const { [missionB.id]: _forgotten, ...onlyA } = cursors;
    const page = await server.pull(member.token, onlyA);
    expect(page.changes.length).toBeGreaterThan(0);
    expect(page.changes.every((c) => c.missionId === missionB.id)).toBe(true);
  });

  it('bounds a page in bytes, but always sends at least one change', async () => {
    const user = { ...member.user };
    const request = { protocolVersion: PROTOCOL_VERSION, cursors: {} };
    const tiny = await pullChanges(server.db, user, request, { maxBytes: 1 });
    expect(tiny.changes).toHaveLength(1);
    expect(tiny.hasMore).toBe(true);
    const small = await pullChanges(server.db, user, request, { maxBytes: 2_000 });
    expect(small.changes.length).toBeGreaterThan(1);
    expect(small.changes.length).toBeLessThan(27);
  });
});
