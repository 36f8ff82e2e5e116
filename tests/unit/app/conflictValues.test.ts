import { describe, expect, it } from 'vitest';
import { classify, mergeLists } from '../../../src/app/screens/review/conflictValues';

const line = (id: string, activity: string, plannedFcfa: number | null = null) => ({
  id,
  activity,
  plannedFcfa,
  spentFcfa: null,
  state: 'en_cours' as const,
});

describe('a conflict between two lists', () => {
  it('keeps the lines each side added, once each, in the order of the sides', () => {
    const common = line('01A', 'Forage', 1_000_000);
    const merged = mergeLists([
      [common, line('01B', 'Formation des comités')],
      [common, line('01C', 'Clôture du périmètre')],
    ]);
    expect(merged?.map((l) => (l as { activity: string }).activity)).toEqual([
      'Forage',
      'Formation des comités',
      'Clôture du périmètre',
    ]);
  });

  it('keeps both versions of a line changed on two sides, the second under a new id', () => {
    const merged = mergeLists([[line('01A', 'Forage', 1_000_000)], [line('01A', 'Forage', 1_200_000)]]) as {
      id: string;
      plannedFcfa: number;
    }[];
    expect(merged.map((l) => l.plannedFcfa)).toEqual([1_000_000, 1_200_000]);
    expect(merged[0].id).toBe('01A');
    expect(merged[1].id).not.toBe('01A');
  });

  it('unites lists of ids (authors) without repeating one', () => {
    expect(mergeLists([['p1', 'p2'], ['p2', 'p3'], []])).toEqual(['p1', 'p2', 'p3']);
  });

  it('does not merge values that are not all lists', () => {
    expect(mergeLists(['texte', 'autre'])).toBeNull();
    expect(mergeLists([[1], { lat: 1 }])).toBeNull();
  });
});

describe('a conflict value as shown', () => {
  it('is read by what it holds, never shown as raw JSON when the field is known', () => {
    expect(classify('observations', 'Puits réparé')).toEqual({ kind: 'text', text: 'Puits réparé' });
    expect(classify('observations', '')).toEqual({ kind: 'empty' });
    expect(classify('forReport', false)).toEqual({ kind: 'yesNo', value: false });
    expect(classify('achievements', [line('01A', 'Forage')]).kind).toBe('achievements');
    expect(classify('vehicles', [{ id: 'v', label: 'Pick-up', driver: 'X', seats: 4 }]).kind).toBe('vehicles');
    expect(classify('authorIds', ['p1']).kind).toBe('ids');
    expect(classify('gps', { lat: 12.6, lon: -8, accuracyM: 12, at: '2024-07-22T10:00:00Z' }).kind).toBe('gps');
    expect(classify('unknown', { a: 1 })).toEqual({ kind: 'other', json: '{\n "a": 1\n}' });
  });
});
