// The per-field merge, without a database: what applies, what becomes a conflict, and the
// tie-breakers (updatedAt, deletedAt, a device's own earlier edit).
import { describe, expect, it } from 'vitest';
import { type Author, mergeMutation, type StoredState, stableStringify } from '../../../src/server/sync/merge';

const alice: Author = { userId: 'u-alice', name: 'Alice Exemple', at: '2024-07-23T10:00:00.000Z', clientId: 'phone-a' };
const bob: Author = { userId: 'u-bob', name: 'Bob Exemple', at: '2024-07-23T10:05:00.000Z', clientId: 'phone-b' };

function stored(): StoredState {
  const created = mergeMutation(
    null,
    { id: 'n1', missionId: 'm1', observations: 'début', difficulties: '', updatedAt: '2024-07-23T09:00:00.000Z' },
    0,
    alice,
  );
  return { data: created.data, meta: created.meta, version: created.version };
}

describe('mergeMutation', () => {
  it('creates a new record at version 1 with every field stamped', () => {
    const result = mergeMutation(null, { id: 'n1', missionId: 'm1', observations: 'x', serverVersion: 4 }, 0, alice);
    expect(result.version).toBe(1);
    expect(result.data).toEqual({ id: 'n1', missionId: 'm1', observations: 'x' });
    expect(result.meta.observations).toMatchObject({ v: 1, userId: 'u-alice', clientId: 'phone-a' });
  });

  it('applies edits of different fields made from the same base version', () => {
    const base = stored();
    const first = mergeMutation(base, { observations: 'par Alice' }, 1, alice);
    const second = mergeMutation({ ...first }, { difficulties: 'par Bob' }, 1, bob);
    expect(second.conflicts).toEqual([]);
    expect(second.data).toMatchObject({ observations: 'par Alice', difficulties: 'par Bob' });
    expect(second.version).toBe(3);
  });

  it('keeps the server value and reports a conflict when the same field changed on two devices', () => {
    const first = mergeMutation(stored(), { observations: 'par Alice' }, 1, alice);
    const second = mergeMutation(first, { observations: 'par Bob' }, 1, bob);
    expect(second.data.observations).toBe('par Alice');
    expect(second.changed).toEqual([]);
    expect(second.conflicts).toEqual([
      {
        field: 'observations',
        serverValue: 'par Alice',
        serverMeta: expect.objectContaining({ userId: 'u-alice' }),
        pushedValue: 'par Bob',
      },
    ]);
  });

  it('is not a conflict when the pushed value equals the server value, and does not bump the field', () => {
    const first = mergeMutation(stored(), { observations: 'pareil' }, 1, alice);
    const second = mergeMutation(first, { observations: 'pareil' }, 1, bob);
    expect(second.conflicts).toEqual([]);
    expect(second.meta.observations.v).toBe(2);
  });

  it('compares objects regardless of key order', () => {
    expect(stableStringify({ a: 1, b: [{ d: 2, c: 3 }] })).toBe(stableStringify({ b: [{ c: 3, d: 2 }], a: 1 }));
  });

  it('lets a device replace its own earlier edit of a field without a conflict', () => {
    const first = mergeMutation(stored(), { observations: 'brouillon 1' }, 1, alice);
    const second = mergeMutation(first, { observations: 'brouillon 2' }, 1, { ...alice, at: bob.at });
    expect(second.conflicts).toEqual([]);
    expect(second.data.observations).toBe('brouillon 2');
  });

  it('keeps the later updatedAt and never reports it as a conflict', () => {
    const first = mergeMutation(stored(), { updatedAt: '2024-07-23T11:00:00.000Z' }, 1, alice);
    const older = mergeMutation(first, { updatedAt: '2024-07-23T10:30:00.000Z' }, 1, bob);
    expect(older.data.updatedAt).toBe('2024-07-23T11:00:00.000Z');
    const newer = mergeMutation(first, { updatedAt: '2024-07-23T12:00:00.000Z' }, 1, bob);
    expect(newer.data.updatedAt).toBe('2024-07-23T12:00:00.000Z');
    expect([...older.conflicts, ...newer.conflicts]).toEqual([]);
  });

  it('keeps the first deletion when a record is deleted on two devices', () => {
    const first = mergeMutation(stored(), { deletedAt: '2024-07-23T11:00:00.000Z' }, 1, alice);
    const second = mergeMutation(first, { deletedAt: '2024-07-23T11:30:00.000Z' }, 1, bob);
    expect(second.data.deletedAt).toBe('2024-07-23T11:00:00.000Z');
    expect(second.conflicts).toEqual([]);
  });

  it('never moves id, missionId or createdAt of an existing record', () => {
    const result = mergeMutation(stored(), { id: 'autre', missionId: 'm2', createdAt: '2020-01-01T00:00:00Z' }, 1, bob);
    expect(result.data).toMatchObject({ id: 'n1', missionId: 'm1' });
    expect(result.changed).toEqual([]);
  });
});
