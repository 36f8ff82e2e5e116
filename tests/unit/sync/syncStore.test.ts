import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { insertRecord, updateRecord } from '../../../src/db/mutations';
import { retryRejectedChange, dexieSyncStore as store } from '../../../src/db/repositories/sync';
import { db } from '../../../src/db/schema';
import type { VisitNote } from '../../../src/shared/model';
import type { ServerRecord } from '../../../src/shared/protocol';
import { squashOutbox } from '../../../src/sync/squash';
import { aCommune, aMission, aVisitNote } from '../../fixtures/builders';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});
afterEach(() => {
  vi.restoreAllMocks();
});

function serverCopy(note: VisitNote, version: number, patch: Partial<VisitNote> = {}): ServerRecord {
  const { serverVersion: _local, ...data } = { ...note, ...patch };
  return { table: 'visitNotes', id: note.id, missionId: note.missionId, version, seq: version, data };
}

async function aStoredNote(): Promise<VisitNote> {
  const mission = aMission();
  const note = aVisitNote(mission.id, aCommune(mission.id).id, { serverVersion: 1 });
  await db.visitNotes.put(note);
  return note;
}

describe('storing pulled records', () => {
  it('lays the fields of pending outbox rows over the server copy and records its version', async () => {
    const note = await aStoredNote();
    await updateRecord('visitNotes', note.id, { observations: 'écrit ici, pas encore envoyé' });
    await store.applyPullPage([serverCopy(note, 4, { difficulties: 'écrit ailleurs', observations: 'ancien' })], {
      [note.missionId]: 4,
    });
    const stored = await db.visitNotes.get(note.id);
    expect(stored).toMatchObject({
      observations: 'écrit ici, pas encore envoyé',
      difficulties: 'écrit ailleurs',
      serverVersion: 4,
    });
    expect(await db.outbox.count()).toBe(1);
  });

  it('keeps tombstones and conflicts as records', async () => {
    const note = await aStoredNote();
    const conflict: ServerRecord = {
      table: 'conflicts',
      id: 'c1',
      missionId: note.missionId,
      version: 1,
      seq: 6,
      data: { id: 'c1', missionId: note.missionId, table: 'visitNotes', recordId: note.id, field: 'observations' },
    };
    await store.applyPullPage([serverCopy(note, 5, { deletedAt: '2024-07-24T08:00:00Z' }), conflict], {
      [note.missionId]: 6,
    });
    expect((await db.visitNotes.get(note.id))?.deletedAt).toBe('2024-07-24T08:00:00Z');
    expect(await db.conflicts.get('c1')).toMatchObject({ recordId: note.id, field: 'observations' });
  });

  it('never replaces a newer local copy with an older server version', async () => {
    const note = await aStoredNote();
    await db.visitNotes.update(note.id, { serverVersion: 9, observations: 'v9' });
    await store.applyPullPage([serverCopy(note, 7, { observations: 'v7' })], { [note.missionId]: 7 });
    expect((await db.visitNotes.get(note.id))?.observations).toBe('v9');
  });

  it('does not move the cursor when a record of the page cannot be stored', async () => {
    const note = await aStoredNote();
    await store.applyPullPage([], { [note.missionId]: 3 });
    const good = serverCopy(note, 4, { observations: 'reçu' });
    const unstorable = { ...serverCopy(note, 5), id: 'n-bad', data: { broken: () => 'not cloneable' } };
    await expect(store.applyPullPage([good, unstorable], { [note.missionId]: 5 })).rejects.toThrow();
    expect(await store.readCursors()).toEqual({ [note.missionId]: 3 });
    expect((await db.visitNotes.get(note.id))?.observations).toBe('');
  });

  it('does not keep the records when the cursor cannot be written', async () => {
    const note = await aStoredNote();
    vi.spyOn(db.syncState, 'put').mockRejectedValueOnce(new Error('disk failure'));
    await expect(
      store.applyPullPage([serverCopy(note, 4, { observations: 'reçu' })], { [note.missionId]: 4 }),
    ).rejects.toThrow('disk failure');
    expect((await db.visitNotes.get(note.id))?.observations).toBe('');
    expect(await store.readCursors()).toEqual({});
  });
});

describe('leaving a mission', () => {
  it('removes the records of a mission no longer in the cursors, keeping those with a pending change and all photo bytes', async () => {
    const left = await aStoredNote();
    const kept = aVisitNote(left.missionId, left.communeId, { serverVersion: 1 });
    await db.visitNotes.put(kept);
    await db.missions.put(aMission({ id: left.missionId, missionId: left.missionId, serverVersion: 1 }));
    await db.photoBlobs.put({ hash: 'b'.repeat(64), blob: new Blob(['x']), thumb: new Blob(['x']), uploaded: 1 });
    const stays = await aStoredNote();
    await store.applyPullPage([], { [left.missionId]: 4, [stays.missionId]: 2 });
    await updateRecord('visitNotes', kept.id, { observations: 'pas encore envoyé' });

    await store.applyPullPage([], { [stays.missionId]: 2 });
    expect(await db.visitNotes.get(left.id)).toBeUndefined();
    expect(await db.missions.get(left.missionId)).toBeUndefined();
    expect((await db.visitNotes.get(kept.id))?.observations).toBe('pas encore envoyé');
    expect(await db.visitNotes.get(stays.id)).toBeDefined();
    expect(await db.photoBlobs.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('never touches a mission created on the device and not yet known to the server', async () => {
    const local = await insertRecord('missions', aMission());
    await store.applyPullPage([], { other: 3 });
    await store.applyPullPage([], {});
    expect(await db.missions.get(local.id)).toBeDefined();
  });
});

describe('applying the answers to a push', () => {
  it('removes acknowledged rows and stores the server copy under changes made meanwhile', async () => {
    const mission = await insertRecord('missions', aMission());
    const sent = squashOutbox(await store.readOutbox());
    await updateRecord('missions', mission.id, { project: 'modifié pendant l’envoi' });
    const { serverVersion: _v, ...data } = mission;
    await store.applyPushOutcomes([
      {
        rowIds: sent[0].rowIds,
        result: {
          mutationId: sent[0].mutation.mutationId,
          status: 'applied',
          conflicts: [],
          record: { table: 'missions', id: mission.id, missionId: mission.id, version: 1, seq: 1, data },
        },
      },
    ]);
    const rows = await store.readOutbox();
    expect(rows).toHaveLength(1);
    expect(rows[0].changes).toMatchObject({ project: 'modifié pendant l’envoi' });
    expect(await db.missions.get(mission.id)).toMatchObject({ project: 'modifié pendant l’envoi', serverVersion: 1 });
  });

  it('drops the rows of a duplicate, which the server applied before', async () => {
    await insertRecord('missions', aMission());
    const [item] = squashOutbox(await store.readOutbox());
    await store.applyPushOutcomes([
      { rowIds: item.rowIds, result: { mutationId: item.mutation.mutationId, status: 'duplicate', record: null } },
    ]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps a refused change in the outbox with its reason, not sent again until retried', async () => {
    const mission = await insertRecord('missions', aMission());
    const [item] = squashOutbox(await store.readOutbox());
    await store.applyPushOutcomes([
      {
        rowIds: item.rowIds,
        result: {
          mutationId: item.mutation.mutationId,
          status: 'rejected',
          code: 'invalid-record',
          message: 'Refusé.',
        },
      },
    ]);
    const [row] = await store.readOutbox();
    expect(row.rejected).toEqual({ code: 'invalid-record', message: 'Refusé.' });
    expect(await db.missions.get(mission.id)).toBeDefined();
    expect(squashOutbox(await store.readOutbox())).toEqual([]);

    await retryRejectedChange(row.mutationId);
    expect(squashOutbox(await store.readOutbox()).map((s) => s.rowIds)).toEqual([[row.mutationId]]);
  });
});
