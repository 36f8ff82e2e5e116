import { describe, expect, it } from 'vitest';
import {
  classify,
  conflictSides,
  fitsField,
  mergeLists,
  OTHER_SHOWN_MAX,
} from '../../../src/app/screens/review/conflictValues';

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
    expect(classify('observations', 'Puits réparé')).toEqual({ kind: 'text', text: 'Puits réparé', length: 12 });
    expect(classify('observations', '')).toEqual({ kind: 'empty' });
    expect(classify('forReport', false)).toEqual({ kind: 'yesNo', value: false });
    expect(classify('achievements', [line('01A', 'Forage')]).kind).toBe('achievements');
    expect(classify('vehicles', [{ id: 'v', label: 'Pick-up', driver: 'X', seats: 4 }]).kind).toBe('vehicles');
    expect(classify('authorIds', ['p1']).kind).toBe('ids');
    expect(classify('gps', { lat: 12.6, lon: -8, accuracyM: 12, at: '2024-07-22T10:00:00Z' }).kind).toBe('gps');
    expect(classify('unknown', { a: 1 })).toEqual({ kind: 'other', text: '{"a":1}', length: 7 });
  });
});

/** Nested arrays `depth` deep: [[[…]]]. */
function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('a conflict value an older server stored without checking it', () => {
  const big = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`cle${i}`, 'x'.repeat(90)]));

  it('is shown as plain text, never as lines it does not hold', () => {
    expect(classify('achievements', [null])).toEqual({ kind: 'other', text: '[null]', length: 6 });
    expect(classify('achievements', [line('01A', 'Forage'), { activity: null }]).kind).toBe('other');
    expect(classify('vehicles', 'pas une liste')).toMatchObject({ kind: 'text', text: 'pas une liste' });
    expect(classify('vehicles', [{ id: null, label: null, seats: null }]).kind).toBe('other');
    expect(classify('gps', { lat: null, lon: 'ouest', accuracyM: null }).kind).toBe('other');
    expect(classify('authorIds', [null, 7, { a: null }]).kind).toBe('other');
    expect(classify('title', [[null, [null, { a: [null] }]]]).kind).toBe('other');
    expect(classify('observations', Number.NaN)).toMatchObject({ kind: 'text', text: 'NaN' });
    expect(classify('observations', 12n)).toMatchObject({ kind: 'other', text: '12' });
  });

  it('is cut short when it is big, saying how long it was', () => {
    const shown = classify('observations', big);
    expect(shown.kind).toBe('other');
    if (shown.kind !== 'other') return;
    expect(shown.text.length).toBe(OTHER_SHOWN_MAX);
    expect(shown.text).toContain('cle0');
    expect(shown.length).toBeGreaterThan(150_000);
  });

  it('is "unwritable" when it cannot even be written out, and never throws', () => {
    const looped: Record<string, unknown> = { a: 1 };
    looped.self = looped;
    expect(classify('observations', looped)).toEqual({ kind: 'unwritable' });
    expect(() => classify('title', nested(200_000))).not.toThrow();
    expect(['other', 'unwritable']).toContain(classify('title', nested(200_000)).kind);
  });

  it('does not fit its field, so it is not offered to be kept', () => {
    expect(fitsField('visitNotes', 'achievements', [null])).toBe(false);
    expect(fitsField('visitNotes', 'observations', big)).toBe(false);
    expect(fitsField('missions', 'vehicles', 'pas une liste')).toBe(false);
    expect(fitsField('visitNotes', 'gps', { lat: null })).toBe(false);
    expect(fitsField('visitNotes', 'observations', 'Puits réparé')).toBe(true);
    expect(fitsField('visitNotes', 'achievements', [line('01A', 'Forage')])).toBe(true);
    expect(fitsField('visitNotes', 'gps', null)).toBe(true);
    // A field the table does not have, or an inherited key, is never a field.
    expect(fitsField('visitNotes', 'onclick', 'x')).toBe(false);
    expect(fitsField('visitNotes', 'constructor', 'x')).toBe(false);
    expect(fitsField('__proto__', 'x', 'x')).toBe(true); // an unknown table: the server judges
  });

  it('does not merge lists whose items cannot be compared', () => {
    const looped: Record<string, unknown> = {};
    looped.self = looped;
    expect(mergeLists([[looped], [1]])).toBeNull();
    expect(mergeLists([[null], [null, 'a']])).toEqual([null, 'a']);
  });
});

describe('the sides of a conflict as stored', () => {
  it('always have a name and a time that are texts, or say they have none', () => {
    expect(
      conflictSides([
        { value: 'a', by: 'Awa Exemple', at: '2024-07-23T10:00:00.000Z', userId: 'u1' },
        { value: 'b', by: null, at: 42 },
        null,
        'texte',
        { value: 1, by: { name: 'x' }, at: 'pas une date' },
      ]),
    ).toEqual([
      { value: 'a', by: 'Awa Exemple', at: '2024-07-23T10:00:00.000Z' },
      { value: 'b', by: '', at: null },
      { value: undefined, by: '', at: null },
      { value: undefined, by: '', at: null },
      { value: 1, by: '', at: null },
    ]);
    expect(conflictSides(null)).toEqual([]);
    expect(conflictSides({ 0: 'a' })).toEqual([]);
  });
});
