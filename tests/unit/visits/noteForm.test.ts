import { describe, expect, it } from 'vitest';
import {
  changedFields,
  fieldsToRefresh,
  type NoteFormValues,
  storedFieldsJson,
  toFormValues,
  toPatch,
} from '../../../src/app/screens/visits/noteForm';
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

describe('an open note changed on another device', () => {
  const open = () => ({ known: storedFieldsJson(note), lastSaved: toFormValues(note), current: toFormValues(note) });

  it('takes the other device’s value in a field not being typed in', () => {
    const { known, lastSaved, current } = open();
    const pulled = { ...note, observations: 'Forage en panne depuis mars' };
    expect(fieldsToRefresh(pulled, known, lastSaved, current)).toEqual(['observations']);
  });

  it('never replaces unsaved typing in that field', () => {
    const { known, lastSaved, current } = open();
    const typing = { ...current, observations: 'Forage en service, pomp' };
    const pulled = { ...note, observations: 'Forage en panne depuis mars' };
    expect(fieldsToRefresh(pulled, known, lastSaved, typing)).toEqual([]);
  });

  it('does not take back its own save, even when the stored amounts read differently from the typed ones', () => {
    const { known, lastSaved } = open();
    const typed: NoteFormValues = {
      ...lastSaved,
      achievements: [{ ...lastSaved.achievements[0], planned: '3000000' }],
    };
    const patch = toPatch(typed, ['achievements'], note);
    const ownKnown = { ...known, achievements: JSON.stringify(patch.achievements) };
    const stored = { ...note, ...patch };
    expect(fieldsToRefresh(stored, ownKnown, typed, typed)).toEqual([]);
    // Without knowing its own write, the form would have rewritten "3000000" as "3 000 000".
    expect(fieldsToRefresh(stored, known, typed, typed)).toEqual(['achievements']);
  });
});

describe('a note holding values no form expects (an older server let them in)', () => {
  const odd = {
    ...note,
    observations: null,
    authorIds: [null, 'p1', 7],
    achievements: [null, { activity: null }, { id: 'a2', activity: 5, plannedFcfa: 'beaucoup', state: 'inconnu' }],
  } as unknown as typeof note;

  it('is read as far as it can be, the rest as empty, and stays editable', () => {
    expect(toFormValues(odd)).toMatchObject({
      observations: '',
      authorIds: ['p1'],
      achievements: [{ id: 'a2', activity: '', planned: '', spent: '', state: 'en_cours' }],
    });
  });

  it('writes a field back only when the person changes it, then as the model wants it', () => {
    const before = toFormValues(odd);
    const after = { ...before, achievements: [{ ...before.achievements[0], activity: 'Forage', planned: '1000' }] };
    const fields = changedFields(before, after);
    expect(fields).toEqual(['achievements']);
    expect(toPatch(after, fields, odd)).toEqual({
      achievements: [{ id: 'a2', activity: 'Forage', plannedFcfa: 1000, spentFcfa: null, state: 'en_cours' }],
    });
    expect(searchNotes([{ note: odd, communeName: 'Kéra' }] as never, 'kera')).toHaveLength(1);
  });
});
