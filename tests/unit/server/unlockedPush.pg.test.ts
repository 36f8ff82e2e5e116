// PostgreSQL: a batch of plain writes is read and merged without its mission's lock, then written in
// one statement that checks what it read (sync/unlockedWrite.ts). When another writer changed the
// record in between, the statement keeps nothing and the batch goes again under the lock: both
// edits stay. Without the check, the second write would silently replace the first one's field.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMutationsIn } from '../../../src/server/sync/push';
import { aCommune, aMission, aVisitNote } from '../../fixtures/builders';
import { createMutation, updateMutation } from '../../fixtures/mutations';
import { makeTestServer, type TestServer } from './support';

let server: TestServer;
let awa: Awaited<ReturnType<TestServer['newUser']>>;

beforeAll(async () => {
  server = await makeTestServer();
  awa = await server.newUser('member', 'Awa Exemple');
});
afterAll(() => server.close());

/** Until a statement of this database waits for an advisory lock (the held mission's). */
async function someoneWaitsForTheLock(): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await sql<{ waiting: number }>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'`.execute(server.db);
    if (rows[0].waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no push waited for the mission lock');
}

describe('a plain batch written without holding the lock on PostgreSQL', () => {
  it('goes again under the lock when its record changed after it read it: both edits stay', async () => {
    const mission = aMission();
    const note = aVisitNote(mission.id, aCommune(mission.id).id, { observations: '', recommendations: '' });
    const created = await server.push(awa.token, [
      createMutation('missions', mission),
      createMutation('visitNotes', note),
    ]);
    expect(created.results.map((r) => r.status)).toEqual(['applied', 'applied']);

    // Another device's edit of the note, written under the mission's lock but not yet committed.
    let commit!: () => void;
    const committing = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let written!: () => void;
    const hasWritten = new Promise<void>((resolve) => {
      written = resolve;
    });
    const open = server.db.transaction().execute(async (trx) => {
      const [result] = await applyMutationsIn(trx, awa.user, 'autre-appareil', [
        updateMutation('visitNotes', note, { observations: 'vu par le premier' }, 1),
      ]);
      if (result.status !== 'applied') throw new Error(result.status);
      written();
      await committing;
    });
    await hasWritten;

    // This push reads the note at version 1 (the edit is not committed), merges, and waits for the
    // lock to write; the edit then commits, so what it read is stale when it writes.
    const pushing = server.push(awa.token, [
      updateMutation('visitNotes', note, { recommendations: 'ajouté par le second' }, 1),
    ]);
    await someoneWaitsForTheLock();
    commit();
    await open;
    const [result] = (await pushing).results;

    expect(result.status).toBe('applied');
    if (result.status !== 'applied') return;
    expect(result.record.version).toBe(3);
    expect(result.record.data).toMatchObject({
      observations: 'vu par le premier',
      recommendations: 'ajouté par le second',
    });
    const page = await server.pull(awa.token, {});
    const pulled = page.changes.find((c) => c.id === note.id);
    expect(pulled?.version).toBe(3);
    expect(pulled?.data).toMatchObject({ observations: 'vu par le premier', recommendations: 'ajouté par le second' });
    expect(pulled?.seq).toBe(result.record.seq);
  });
});
