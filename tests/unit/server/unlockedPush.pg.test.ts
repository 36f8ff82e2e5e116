// PostgreSQL: a batch of plain writes is read and merged without its mission's lock, then written in
// one statement that checks what it read (sync/unlockedWrite.ts). When another writer changed the
// record in between, the statement keeps nothing and the batch goes again under the lock: both
// edits stay. Without the check, the second write would silently replace the first one's field.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMutationsIn } from '../../../src/server/sync/push';
import { aCommune, aMission, aPhoto, aVisitNote } from '../../fixtures/builders';
import { createMutation, updateMutation } from '../../fixtures/mutations';
import { createUpload, jpegLike, sha256 } from './photosTus';
import { makeTestServer, type TestServer } from './support';

let server: TestServer;
let awa: Awaited<ReturnType<TestServer['newUser']>>;

beforeAll(async () => {
  server = await makeTestServer();
  awa = await server.newUser('member', 'Awa Exemple');
});
afterAll(() => server.close());

/** Until a statement of this database waits for an advisory lock (the held mission's): its text. */
async function someoneWaitsForTheLock(): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const { rows } = await sql<{ query: string }>`
      SELECT query FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'`.execute(server.db);
    if (rows.length > 0) return rows[0].query;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no push waited for the mission lock');
}

/** Holds the mission's writers' lock (an uncommitted write of `mutation`) until `release` is called. */
async function holdTheLock(mutation: ReturnType<typeof createMutation>) {
  let commit!: () => void;
  const committing = new Promise<void>((resolve) => {
    commit = resolve;
  });
  let written!: () => void;
  const hasWritten = new Promise<void>((resolve) => {
    written = resolve;
  });
  const open = server.db.transaction().execute(async (trx) => {
    const [result] = await applyMutationsIn(trx, awa.user, 'autre-appareil', [mutation]);
    if (result.status !== 'applied') throw new Error(result.status);
    written();
    await committing;
  });
  await hasWritten;
  return async () => {
    commit();
    await open;
  };
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
    const release = await holdTheLock(updateMutation('visitNotes', note, { observations: 'vu par le premier' }, 1));

    // This push reads the note at version 1 (the edit is not committed), merges, and waits for the
    // lock to write; the edit then commits, so what it read is stale when it writes.
    const pushing = server.push(awa.token, [
      updateMutation('visitNotes', note, { recommendations: 'ajouté par le second' }, 1),
    ]);
    await someoneWaitsForTheLock();
    await release();
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

  it('writes photo records and who may fetch them in the same one statement', async () => {
    const mission = aMission();
    const note = aVisitNote(mission.id, aCommune(mission.id).id);
    await server.push(awa.token, [createMutation('missions', mission), createMutation('visitNotes', note)]);
    const moussa = await server.newUser('member', 'Moussa Exemple');
    await server.addMember(mission.id, moussa.user.id);
    const bytes = jpegLike(30_000);
    const photo = aPhoto(mission.id, note.id, { hash: sha256(bytes), bytes: bytes.length });

    // While another write holds the mission's lock, the batch of the photo record waits in the
    // unlocked path's one statement, having read and merged everything before.
    const release = await holdTheLock(updateMutation('visitNotes', note, { observations: 'en attente' }, 1));
    const pushing = server.push(awa.token, [createMutation('photos', photo)]);
    // (The locked path waits in `SELECT nextval…`, its first statement.)
    expect(await someoneWaitsForTheLock()).toMatch(/^\s*WITH seqs AS/);
    await release();
    const [result] = (await pushing).results;
    expect(result.status).toBe('applied');

    // The reference went with the record: once the bytes are uploaded, another member fetches them.
    const uploaded = await createUpload(server.app, bytes, {
      token: awa.token,
      missionId: mission.id,
      withBody: bytes,
    });
    expect(uploaded.status).toBe(201);
    const fetched = await server.call('GET', `/api/photos/${photo.hash}`, { token: moussa.token });
    expect(fetched.status).toBe(200);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(bytes)).toBe(true);
  });
});
