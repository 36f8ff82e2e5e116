import { describe, expect, it } from 'vitest';
import { changedFields, type NoteFormValues, toFormValues, toPatch } from '../../../src/app/screens/visits/noteForm';
import { searchNotes } from '../../../src/app/screens/visits/searchNotes';
import { aVisitNote } from '../../fixtures/builders';

const note = aVisitNote('m1', 'c1', {
  observations: 'Forage en service',
  achievements: [{ id: 'a1', activity: 'Forage', plannedFcfa: 1_250_000, spentFcfa: 1_000_000, state: 'acheve' }],
});

describe('the note form values', () => {
  it('shows stored amounts grouped as people write them', () => {
    expect(toFormValues(note).achievements[0]).toMatchObject({
      planned: '1\u00a0250\u00a0000',
      spent: '1\u00a0000\u00a0000',
    });
  });

  it('sends only the fields changed since the last save', () => {
    const before = toFormValues(note);
    const after: NoteFormValues = { ...before, difficulties: 'Route coupée' };
    expect(changedFields(before, after)).toEqual(['difficulties']);
    expect(toPatch(after, ['difficulties'], note)).toEqual({ difficulties: 'Route coupée' });
  });

  it('reads typed amounts, and keeps the stored amount while a typed one is wrong', () => {
    const values = toFormValues(note);
    values.achievements = [
      { ...values.achievements[0], planned: '2 000 000', spent: '1 5OO 000' },
      { id: 'a2', activity: 'Formation', planned: '', spent: '', state: 'prevu' },
    ];
    expect(toPatch(values, ['achievements'], note).achievements).toEqual([
      { id: 'a1', activity: 'Forage', plannedFcfa: 2_000_000, spentFcfa: 1_000_000, state: 'acheve' },
      { id: 'a2', activity: 'Formation', plannedFcfa: null, spentFcfa: null, state: 'prevu' },
    ]);
  });
});

describe('searching notes', () => {
  const rows = [
    { note: aVisitNote('m1', 'c1', { observations: 'Élevage de volailles' }), communeName: 'Ségou' },
    { note: aVisitNote('m1', 'c2', { peopleMet: 'Le maire' }), communeName: 'Kéra' },
  ];

  it('ignores accents and capitals', () => {
    expect(searchNotes(rows, 'segou').map((r) => r.communeName)).toEqual(['Ségou']);
    expect(searchNotes(rows, 'ELEVAGE').map((r) => r.communeName)).toEqual(['Ségou']);
  });

  it('needs every word somewhere in the note', () => {
    expect(searchNotes(rows, 'kera maire').map((r) => r.communeName)).toEqual(['Kéra']);
    expect(searchNotes(rows, 'kera volailles')).toEqual([]);
  });

  it('shows every note for an empty query', () => {
    expect(searchNotes(rows, '  ')).toHaveLength(2);
  });
});
