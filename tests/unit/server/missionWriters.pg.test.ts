// PostgreSQL: writers wait only for writers of the same mission (sync/sequence.ts), and a pull never
// skips a change that commits after a larger `seq` of another mission. With one lock for the whole
// organisation, every push waited for the one before (two processes reached half of SQLite's rate).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMutationsIn } from '../../../src/server/sync/push';
import { aCommune, aMission, aVisitNote } from '../../fixtures/builders';
import { createMutation } from '../../fixtures/mutations';
import { makeTestServer, type TestServer } from './support';

let server: TestServer;
let awa: Awaited<ReturnType<TestServer['newUser']>>;

beforeAll(async () => {
  server = await makeTestServer();
  awa = await server.newUser('member', 'Awa Exemple');
});
afterAll(() => server.close());

async function pushedMission() {
  const mission = aMission();
  const [result] = (await server.push(awa.token, [createMutation('missions', mission)])).results;
  expect(result.status).toBe('applied');
  return mission;
}

const noteIn = (missionId: string, observations: string) =>
  createMutation('visitNotes', aVisitNote(missionId, aCommune(missionId).id, { observations }));

describe('writers of different missions on PostgreSQL', () => {
  it('do not wait for each other, and a pull does not pass over the slower one', async () => {
    const first = await pushedMission();
    const second = await pushedMission();

    // A push to `second` that has written but not committed (another process, mid-batch).
    let commit!: () => void;
    const committing = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let heldSeq!: number;
    let written!: () => void;
    const hasWritten = new Promise<void>((resolve) => {
      written = resolve;
    });
    const held = noteIn(second.id, 'écrite, pas encore validée');
    const open = server.db.transaction().execute(async (trx) => {
      const [result] = await applyMutationsIn(trx, awa.user, 'autre-appareil', [held]);
      if (result.status !== 'applied') throw new Error(result.status);
      heldSeq = result.record.seq;
      written();
      await committing;
    });
    await hasWritten;

    // The same mission's next writer waits for it...
    let sameMissionDone = false;
    const sameMission = server.push(awa.token, [noteIn(second.id, 'après')]).then((answer) => {
      sameMissionDone = true;
      return answer;
    });
    // ...another mission's does not (with one lock for all, this push would wait here for ever).
    const other = await server.push(awa.token, [noteIn(first.id, 'ailleurs')]);
    expect(other.results[0].status).toBe('applied');
    const otherSeq = other.results[0].status === 'applied' ? other.results[0].record.seq : 0;
    expect(otherSeq).toBeGreaterThan(heldSeq);

    // Pulled now: `first`'s change is there; `second`'s cursor must not move past the held seq.
    const page = await server.pull(awa.token, {});
    expect(page.changes.map((c) => c.data.observations)).toContain('ailleurs');
    expect(page.changes.map((c) => c.id)).not.toContain(held.recordId);
    expect(page.cursors[first.id]).toBe(otherSeq);
    expect(page.cursors[second.id]).toBeLessThan(heldSeq);
    expect(sameMissionDone).toBe(false);

    commit();
    await open;
    const after = await sameMission;
    expect(after.results[0].status).toBe('applied');
    const afterSeq = after.results[0].status === 'applied' ? after.results[0].record.seq : 0;
    expect(afterSeq).toBeGreaterThan(otherSeq);

    // The next pull brings both of `second`'s notes, in the order they committed.
    const next = await server.pull(awa.token, page.cursors);
    expect(next.changes.map((c) => c.data.observations)).toEqual(['écrite, pas encore validée', 'après']);
    expect(next.cursors[second.id]).toBe(afterSeq);
    expect(next.cursors[first.id]).toBe(otherSeq);
  });
});
