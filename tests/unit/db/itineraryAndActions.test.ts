import { beforeEach, describe, expect, it } from 'vitest';
import {
  createActionPoint,
  deleteActionPoint,
  emptyActionPointDraft,
  setActionStatus,
  validateActionPoint,
} from '../../../src/db/repositories/actionPoints';
import {
  communeToDraft,
  createCommune,
  emptyCommuneDraft,
  validateCommune,
} from '../../../src/db/repositories/communes';
import { db } from '../../../src/db/schema';
import { aMission } from '../../fixtures/builders';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

const mission = aMission({ startDate: '2024-07-22', endDate: '2024-07-26' });

describe('communes on the itinerary', () => {
  it('refuse a date outside the mission and a half position', () => {
    const draft = { ...emptyCommuneDraft(), name: 'Commune A', plannedDate: '2024-07-27', lat: '14,5' };
    expect(validateCommune(draft, mission)).toEqual({
      plannedDate: 'date-outside-mission',
      lon: 'position-incomplete',
    });
    expect(validateCommune({ ...draft, name: '', plannedDate: '', lat: '95', lon: 'est' }, mission)).toEqual({
      name: 'required',
      lat: 'lat-invalid',
      lon: 'lon-invalid',
    });
  });

  it('store a position typed with decimal commas as numbers, and show it back the same way', async () => {
    const draft = { ...emptyCommuneDraft(), name: 'Commune A', region: 'Mopti', lat: '14,4843', lon: '-4,1827' };
    const commune = await createCommune(mission, draft);
    expect([commune.lat, commune.lon]).toEqual([14.4843, -4.1827]);
    expect(communeToDraft(commune)).toMatchObject({ lat: '14,4843', lon: '-4,1827' });
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('action points', () => {
  const point = (text: string) => ({ ...emptyActionPointDraft(), point: text });

  it('are numbered after the mission’s last point and keep their number when one is deleted', async () => {
    const first = await createActionPoint('m1', point('Un'));
    const second = await createActionPoint('m1', point('Deux'));
    await deleteActionPoint(first.id);
    const third = await createActionPoint('m1', point('Trois'));
    expect([first.number, second.number, third.number]).toEqual([1, 2, 3]);
    expect((await createActionPoint('m2', point('Autre mission'))).number).toBe(1);
  });

  it('need a point, and a valid due date when one is given', () => {
    expect(validateActionPoint({ ...point(''), dueDate: '2024-13-45' })).toEqual({
      point: 'required',
      dueDate: 'date-invalid',
    });
  });

  it('change status with one outbox row', async () => {
    const created = await createActionPoint('m1', point('Un'));
    await setActionStatus(created.id, 'fait');
    const changes = (await db.outbox.orderBy('mutationId').toArray()).map((o) => o.changes);
    expect(changes[1]).toEqual({ status: 'fait', updatedAt: expect.any(String) });
  });
});
