import { beforeEach, describe, expect, it } from 'vitest';
import {
  createMission,
  emptyMissionDraft,
  type MissionDraft,
  updateMission,
  ValidationError,
  validateMission,
} from '../../../src/db/repositories/missions';
import {
  createTdrRevision,
  emptySections,
  readWho,
  validateTdr,
  WHO_SETTING_KEY,
} from '../../../src/db/repositories/tdr';
import { db } from '../../../src/db/schema';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

const draft = (overrides: Partial<MissionDraft> = {}): MissionDraft => ({
  ...emptyMissionDraft(),
  title: 'Visite de terrain',
  startDate: '2024-07-22',
  endDate: '2024-07-26',
  ...overrides,
});

describe('a mission draft', () => {
  it('needs a title and an end on or after its start', () => {
    expect(validateMission(draft({ title: '  ', endDate: '2024-07-21' }))).toEqual({
      title: 'required',
      endDate: 'end-before-start',
    });
    expect(validateMission(draft({ endDate: '2024-07-22', startDate: '2024-07-22' }))).toEqual({});
    expect(validateMission(draft({ startDate: '', endDate: '' }))).toEqual({
      startDate: 'required',
      endDate: 'required',
    });
  });

  it('names the vehicle field that is wrong', () => {
    const vehicles = [
      { id: 'v1', label: '4x4', driver: 'Chauffeur Exemple', seats: '4' },
      { id: 'v2', label: '', driver: '', seats: 'quatre' },
    ];
    expect(validateMission(draft({ vehicles }))).toEqual({
      'vehicles.1.label': 'required',
      'vehicles.1.seats': 'seats-invalid',
    });
  });

  it('is saved with its vehicles and queued for the server', async () => {
    const vehicles = [{ id: '', label: ' 4x4 ', driver: 'Chauffeur Exemple', seats: '5' }];
    const mission = await createMission(draft({ vehicles }));
    expect(mission.vehicles).toEqual([{ id: expect.any(String), label: '4x4', driver: 'Chauffeur Exemple', seats: 5 }]);
    expect((await db.outbox.toArray()).map((o) => [o.table, o.recordId])).toEqual([['missions', mission.id]]);
  });

  it('is refused by the repository too, and nothing is written', async () => {
    await expect(createMission(draft({ title: '' }))).rejects.toBeInstanceOf(ValidationError);
    expect(await db.missions.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('updates only what changed', async () => {
    const mission = await createMission(draft());
    await updateMission(mission.id, draft({ status: 'terrain' }));
    const [, update] = await db.outbox.orderBy('mutationId').toArray();
    expect(Object.keys(update.changes).sort()).toEqual(['status', 'updatedAt']);
  });
});

describe('the terms of reference', () => {
  const withContext = (context: string) => ({ ...emptySections(), context });

  it('make a new numbered revision at each edit, keeping the earlier ones as they were', async () => {
    const first = await createTdrRevision(
      'm1',
      { authorName: 'Awa Exemple', sections: withContext('Version 1') },
      null,
    );
    const second = await createTdrRevision(
      'm1',
      { authorName: 'Yaya Exemple', sections: withContext('Version 2') },
      first,
    );
    const third = await createTdrRevision(
      'm1',
      { authorName: 'Awa Exemple', sections: withContext('Version 3') },
      second,
    );
    expect([first.number, second.number, third.number]).toEqual([1, 2, 3]);
    expect((await db.tdrRevisions.get(first.id))?.sections.context).toBe('Version 1');
    expect((await db.outbox.toArray()).filter((o) => o.table === 'tdrRevisions')).toHaveLength(3);
  });

  it('numbers revisions per mission', async () => {
    await createTdrRevision('m1', { authorName: 'A', sections: withContext('x') }, null);
    expect((await createTdrRevision('m2', { authorName: 'A', sections: withContext('y') }, null)).number).toBe(1);
  });

  it('refuse an empty first revision, an unchanged revision and a missing author', async () => {
    const first = await createTdrRevision('m1', { authorName: 'A', sections: withContext('Texte') }, null);
    expect(validateTdr({ authorName: '', sections: emptySections() }, null)).toEqual({
      authorName: 'required',
      root: 'tdr-empty',
    });
    expect(validateTdr({ authorName: 'B', sections: withContext('Texte  ') }, first)).toEqual({
      root: 'tdr-unchanged',
    });
    await expect(createTdrRevision('m1', { authorName: 'B', sections: withContext('Texte') }, first)).rejects.toThrow();
    expect(await db.tdrRevisions.count()).toBe(1);
  });
});

describe('who signs a revision', () => {
  it('is the signed-in account, else the name in the settings, else nobody (the form asks)', async () => {
    expect(await readWho()).toBe('');
    await db.settings.put({ key: WHO_SETTING_KEY, value: 'Awa Exemple' });
    expect(await readWho()).toBe('Awa Exemple');
    await db.syncState.put({
      key: 'session',
      value: {
        token: 't',
        expiresAt: '2099-01-01T00:00:00Z',
        user: { id: 'u1', email: 'y@example.org', name: 'Yaya Exemple', role: 'member' },
      },
    });
    expect(await readWho()).toBe('Yaya Exemple');
  });
});
