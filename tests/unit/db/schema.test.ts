import { beforeEach, describe, expect, it } from 'vitest';
import { deleteRecord, insertRecord, updateRecord } from '../../../src/db/mutations';
import { db } from '../../../src/db/schema';
import { recordSchemas, SYNCED_TABLES } from '../../../src/shared/model';
import {
  aCommune,
  aConflict,
  aMission,
  anActionPoint,
  aParticipant,
  aPhoto,
  aReportSettings,
  aReviewComment,
  aTdrRevision,
  aVisitNote,
} from '../../fixtures/builders';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

function sampleRecords() {
  const mission = aMission();
  const commune = aCommune(mission.id);
  const note = aVisitNote(mission.id, commune.id);
  return {
    missions: mission,
    tdrRevisions: aTdrRevision(mission.id),
    participants: aParticipant(mission.id),
    communes: commune,
    visitNotes: note,
    photos: aPhoto(mission.id, note.id),
    actionPoints: anActionPoint(mission.id),
    reviewComments: aReviewComment(mission.id, note.id),
    reportSettings: aReportSettings(mission.id),
    conflicts: aConflict(mission.id, note.id),
  };
}

describe('the Dexie schema, version 2', () => {
  it('is version 2 and has every table the app needs', () => {
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [...SYNCED_TABLES, 'photoBlobs', 'outbox', 'syncState', 'settings'].sort(),
    );
  });

  it.each(SYNCED_TABLES)('writes and reads back a valid %s record', async (table) => {
    const record = sampleRecords()[table];
    expect(recordSchemas[table].safeParse(record).success).toBe(true);
    await db.table(table).add(record);
    expect(await db.table(table).get(record.id)).toEqual(record);
  });

  it('stores photo blobs keyed by hash, with their thumbnail', async () => {
    const hash = 'b'.repeat(64);
    await db.photoBlobs.add({ hash, blob: new Blob(['jpeg']), thumb: new Blob(['t']), uploaded: 0 });
    const stored = await db.photoBlobs.get(hash);
    expect(await stored?.blob.text()).toBe('jpeg');
    expect(await db.photoBlobs.where('uploaded').equals(0).primaryKeys()).toEqual([hash]);
  });

  it('finds the conflicts of a record, and stores sync state and settings', async () => {
    const conflict = aConflict('m1', 'n1');
    await db.conflicts.add(conflict);
    await db.syncState.put({ key: 'checkpoint', value: 42 });
    await db.settings.put({ key: 'photoMaxLongSidePx', value: 1600 });
    expect((await db.conflicts.where('[table+recordId]').equals(['visitNotes', 'n1']).first())?.field).toBe(
      'observations',
    );
    expect((await db.syncState.get('checkpoint'))?.value).toBe(42);
    expect((await db.settings.get('photoMaxLongSidePx'))?.value).toBe(1600);
  });

  it('gives every record a time-sortable id', async () => {
    const first = aMission();
    const second = aMission();
    expect(first.id < second.id).toBe(true);
    expect(first.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });
});

describe('the mutation layer', () => {
  it('writes a new record and its outbox row together', async () => {
    const mission = await insertRecord('missions', aMission());
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ table: 'missions', recordId: mission.id, op: 'put', baseVersion: 0 });
    expect(outbox[0].changes.title).toBe(mission.title);
  });

  it('queues only the fields that really changed', async () => {
    const mission = await insertRecord('missions', aMission());
    await updateRecord('missions', mission.id, { title: 'Nouveau titre', project: mission.project });
    const [, update] = await db.outbox.orderBy('mutationId').toArray();
    expect(Object.keys(update.changes).sort()).toEqual(['title', 'updatedAt']);
    expect((await db.missions.get(mission.id))?.title).toBe('Nouveau titre');
  });

  it('queues nothing when nothing changed', async () => {
    const mission = await insertRecord('missions', aMission());
    expect(await updateRecord('missions', mission.id, { title: mission.title })).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);
  });

  it('keeps a tombstone when deleting, so the deletion can sync', async () => {
    const mission = await insertRecord('missions', aMission());
    await deleteRecord('missions', mission.id);
    expect((await db.missions.get(mission.id))?.deletedAt).toBeTruthy();
    expect((await db.outbox.toArray()).map((o) => o.op)).toEqual(['put', 'delete']);
  });

  it('rolls back the record when its outbox row cannot be written', async () => {
    const mission = aMission();
    const original = db.outbox.add.bind(db.outbox);
    db.outbox.add = (() => Promise.reject(new Error('QuotaExceededError'))) as unknown as typeof db.outbox.add;
    try {
      await expect(insertRecord('missions', mission)).rejects.toThrow();
    } finally {
      db.outbox.add = original;
    }
    expect(await db.missions.get(mission.id)).toBeUndefined();
  });
});
