import { beforeEach, describe, expect, it } from 'vitest';
import { NoteReadOnlyError } from '../../../src/db/errors';
import { isNearlyFull, setPhotoMaxLongSide, usageRatio } from '../../../src/db/repositories/storage';
import { createVisitNote, saveVisitNote } from '../../../src/db/repositories/visitNotes';
import { db } from '../../../src/db/schema';
import { type Commune, visitNoteSchema } from '../../../src/shared/model';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('visit notes', () => {
  it('starts as a valid draft, dated today, queued for the server', async () => {
    const note = await createVisitNote('m1', 'c1');
    expect(visitNoteSchema.safeParse(note).success).toBe(true);
    expect(note).toMatchObject({ state: 'brouillon', communeId: 'c1', achievements: [], gps: null });
    expect(note.visitDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await db.outbox.toArray()).map((o) => o.table)).toEqual(['visitNotes']);
  });

  it('is dated on its commune’s planned day when the itinerary has one, today otherwise', async () => {
    await db.communes.put({ id: 'c2', missionId: 'm1', name: 'Douentza', plannedDate: '2024-07-24' } as Commune);
    await db.communes.put({ id: 'c3', missionId: 'm1', name: 'Sévaré', plannedDate: '' } as Commune);
    expect((await createVisitNote('m1', 'c2')).visitDate).toBe('2024-07-24');
    const today = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    expect((await createVisitNote('m1', 'c3')).visitDate).toBe(
      `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`,
    );
  });

  it('queues only the fields an autosave changed', async () => {
    const note = await createVisitNote('m1', 'c1');
    await saveVisitNote(note.id, { observations: 'Le forage fonctionne.' });
    const last = (await db.outbox.orderBy('mutationId').toArray()).at(-1);
    expect(Object.keys(last?.changes ?? {}).sort()).toEqual(['observations', 'updatedAt']);
  });

  it('refuses any change to a validated note', async () => {
    const note = await createVisitNote('m1', 'c1');
    await db.visitNotes.update(note.id, { state: 'validee' });
    const queued = await db.outbox.count();
    await expect(saveVisitNote(note.id, { observations: 'tard' })).rejects.toBeInstanceOf(NoteReadOnlyError);
    expect((await db.visitNotes.get(note.id))?.observations).toBe('');
    expect(await db.outbox.count()).toBe(queued);
  });
});

describe('the photo size setting', () => {
  it('keeps a listed size and falls back to the default for anything else', async () => {
    await setPhotoMaxLongSide(1024);
    expect((await db.settings.get('photoMaxLongSidePx'))?.value).toBe(1024);
    await setPhotoMaxLongSide(99_999);
    expect((await db.settings.get('photoMaxLongSidePx'))?.value).toBe(1600);
  });
});

describe('the storage warning', () => {
  const report = (usageBytes: number | null, quotaBytes: number | null) => ({
    persisted: true,
    usageBytes,
    quotaBytes,
  });

  it('warns from 90 % of the quota', () => {
    expect(isNearlyFull(report(900, 1000))).toBe(true);
    expect(isNearlyFull(report(899, 1000))).toBe(false);
    expect(usageRatio(report(450, 1000))).toBe(0.45);
  });

  it('stays quiet when the browser does not tell', () => {
    expect(isNearlyFull(report(null, null))).toBe(false);
    expect(isNearlyFull(report(10, 0))).toBe(false);
    expect(isNearlyFull(null)).toBe(false);
  });
});
