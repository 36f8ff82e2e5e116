// The review on the device: state changes go out with their history step, only the roles the
// server accepts are offered, and a settled conflict converges on every device through the real
// server (in process), without making a new conflict.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { filterOptions, filterRows, NO_FILTERS } from '../../../src/app/screens/review/reviewFilters';
import { insertRecord } from '../../../src/db/mutations';
import type { ReviewRow } from '../../../src/db/repositories/review';
import {
  availableActions,
  changeNoteState,
  reopenNote,
  requestChanges,
  resolveConflict,
  submitNote,
  validateNote,
} from '../../../src/db/repositories/review';
import { db } from '../../../src/db/schema';
import type { Mission, VisitNote } from '../../../src/shared/model';
import { reviewCommentSchema } from '../../../src/shared/model';
import type { Role } from '../../../src/shared/protocol';
import { aCommune, aMission, aVisitNote } from '../../fixtures/builders';
import { adminOf, type Device, makeDevice } from '../sync/support/device';
import { type InProcessServer, startInProcessServer } from '../sync/support/inProcessServer';

const signIn = (name: string, role: Role) =>
  db.syncState.put({
    key: 'session',
    value: {
      token: 't',
      expiresAt: '2099-01-01T00:00:00Z',
      user: { id: `u-${name}`, email: 'x@exemple.test', name, role },
    },
  });

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('review actions on the device', () => {
  it('submitting a draft changes its state and records the step, signed with the account name', async () => {
    await signIn('Awa Exemple', 'member');
    const note = await insertRecord('visitNotes', aVisitNote('m1', 'c1'));
    await db.outbox.clear();
    await submitNote(note.id, 'Première version.');
    expect((await db.visitNotes.get(note.id))?.state).toBe('soumise');
    const [step] = await db.reviewComments.toArray();
    expect(reviewCommentSchema.safeParse(step).success).toBe(true);
    expect(step).toMatchObject({
      noteId: note.id,
      missionId: 'm1',
      authorName: 'Awa Exemple',
      fromState: 'brouillon',
      toState: 'soumise',
      text: 'Première version.',
    });
    expect((await db.outbox.toArray()).map((row) => [row.table, row.changes.state ?? row.changes.toState])).toEqual([
      ['visitNotes', 'soumise'],
      ['reviewComments', 'soumise'],
    ]);
  });

  it('only a coordinator or an admin may send back, validate or reopen', async () => {
    await signIn('Awa Exemple', 'member');
    const note = await insertRecord('visitNotes', aVisitNote('m1', 'c1', { state: 'soumise' }));
    await expect(validateNote(note.id)).rejects.toMatchObject({ code: 'not-reviewer' });
    await expect(requestChanges(note.id, 'Préciser')).rejects.toMatchObject({ code: 'not-reviewer' });
    expect((await db.visitNotes.get(note.id))?.state).toBe('soumise');
    expect(await db.reviewComments.count()).toBe(0);

    await signIn('Coordinatrice Exemple', 'coordinator');
    await validateNote(note.id);
    await signIn('Administrateur Exemple', 'admin');
    await reopenNote(note.id, 'Le budget est incomplet.');
    const steps = await db.reviewComments.orderBy('id').toArray();
    expect(steps.map((s) => [s.authorName, s.fromState, s.toState])).toEqual([
      ['Coordinatrice Exemple', 'soumise', 'validee'],
      ['Administrateur Exemple', 'validee', 'a_revoir'],
    ]);
  });

  it('sending back and reopening need a comment; a step the note is not in is refused', async () => {
    await signIn('Coordinatrice Exemple', 'coordinator');
    const note = await insertRecord('visitNotes', aVisitNote('m1', 'c1', { state: 'soumise' }));
    await expect(requestChanges(note.id, '   ')).rejects.toMatchObject({ code: 'comment-required' });
    await expect(reopenNote(note.id, 'Pourquoi')).rejects.toMatchObject({ code: 'transition-not-allowed' });
    await expect(changeNoteState('inconnue', 'submit')).rejects.toMatchObject({ code: 'note-not-found' });
    expect(await db.reviewComments.count()).toBe(0);
  });

  it('signs a step with the name typed for the TdR when nobody is logged in', async () => {
    await db.settings.put({ key: 'who', value: 'Rédactrice Exemple' });
    const note = await insertRecord('visitNotes', aVisitNote('m1', 'c1'));
    await submitNote(note.id);
    expect((await db.reviewComments.toArray())[0].authorName).toBe('Rédactrice Exemple');
  });

  it('offers each role only the steps the server accepts', () => {
    expect(availableActions('brouillon', 'member')).toEqual(['submit']);
    expect(availableActions('a_revoir', 'member')).toEqual(['submit']);
    expect(availableActions('soumise', 'member')).toEqual([]);
    expect(availableActions('validee', undefined)).toEqual([]);
    expect(availableActions('soumise', 'coordinator')).toEqual(['requestChanges', 'validate']);
    expect(availableActions('validee', 'admin')).toEqual(['reopen']);
  });

  it('writes the state change and its history step together or not at all', async () => {
    await signIn('Coordinatrice Exemple', 'coordinator');
    const note = await insertRecord('visitNotes', aVisitNote('m1', 'c1', { state: 'soumise' }));
    await db.outbox.clear();
    const failWrite = () => {
      throw new Error('disk full');
    };
    db.reviewComments.hook('creating', failWrite);
    await expect(validateNote(note.id)).rejects.toThrow('disk full');
    db.reviewComments.hook('creating').unsubscribe(failWrite);
    expect((await db.visitNotes.get(note.id))?.state).toBe('soumise');
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('review through the real server', () => {
  let server: InProcessServer;
  let admin: Awaited<ReturnType<typeof adminOf>>;
  let coordinator: Device;
  let awa: Device;
  let ibrahim: Device;
  let mission: Mission;
  let note: VisitNote;

  beforeAll(async () => {
    server = await startInProcessServer();
    admin = await adminOf(server);
  });
  afterAll(() => server.close());

  beforeEach(async () => {
    const coord = { email: `coord.${Date.now()}@exemple.test`, password: 'mot-de-passe-test' };
    const user = await admin.api.createUser({ ...coord, name: 'Coordinatrice Exemple', role: 'coordinator' });
    const a = await admin.newMember('Awa Exemple');
    const b = await admin.newMember('Ibrahim Exemple');
    coordinator = makeDevice(server, 'coordinator', db);
    awa = makeDevice(server, 'awa');
    ibrahim = makeDevice(server, 'ibrahim');
    await coordinator.logIn(coord.email, coord.password);
    await awa.logIn(a.email, a.password);
    await ibrahim.logIn(b.email, b.password);

    // The mission goes first: the test device's ids are not ordered within one millisecond.
    mission = await awa.insert('missions', aMission());
    await awa.sync();
    const commune = await awa.insert('communes', aCommune(mission.id));
    note = await awa.insert('visitNotes', aVisitNote(mission.id, commune.id, { state: 'soumise' }));
    await awa.sync();
    for (const member of [user, a.user, b.user]) await admin.api.addMember(mission.id, member.id);
    await Promise.all([coordinator.sync(), ibrahim.sync()]);
  });

  const field = async (device: Device, name: keyof VisitNote) => (await device.db.visitNotes.get(note.id))?.[name];

  it('a request for changes reaches the author with its comment', async () => {
    await requestChanges(note.id, 'Ajoutez le budget de la formation.');
    await coordinator.sync();
    expect(await db.outbox.count()).toBe(0);
    await awa.sync();
    expect(await field(awa, 'state')).toBe('a_revoir');
    expect(await awa.db.reviewComments.where('noteId').equals(note.id).toArray()).toEqual([
      expect.objectContaining({ text: 'Ajoutez le budget de la formation.', authorName: 'Coordinatrice Exemple' }),
    ]);
  });

  async function makeConflict() {
    await awa.update('visitNotes', note.id, { observations: 'Version d’Awa' });
    await ibrahim.update('visitNotes', note.id, { observations: 'Version d’Ibrahim' });
    await awa.sync();
    await ibrahim.sync();
    await coordinator.sync();
    const [conflict] = await db.conflicts.toArray();
    expect(conflict.values.map((v) => v.value)).toEqual(['Version d’Awa', 'Version d’Ibrahim']);
    return conflict;
  }

  async function expectEveryDevice(value: string) {
    await coordinator.sync();
    await awa.sync();
    await ibrahim.sync();
    for (const device of [coordinator, awa, ibrahim]) {
      expect(await field(device, 'observations')).toBe(value);
      const conflicts = await device.db.conflicts.toArray();
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({ resolvedBy: 'Coordinatrice Exemple' });
      expect(conflicts[0].resolvedAt).toBeTruthy();
      expect(await device.db.outbox.toArray(), device.name).toEqual([]);
    }
  }

  it('a conflict settled with the value the server did not keep converges on every device', async () => {
    const conflict = await makeConflict();
    expect(await field(coordinator, 'observations')).toBe('Version d’Awa');
    await resolveConflict(conflict.id, 'Version d’Ibrahim');
    await expectEveryDevice('Version d’Ibrahim');
  });

  it('a conflict settled with a text merged by hand converges on every device', async () => {
    const conflict = await makeConflict();
    await resolveConflict(conflict.id, 'Version d’Awa, complétée par Ibrahim');
    await expectEveryDevice('Version d’Awa, complétée par Ibrahim');
  });

  it('settling with the value the server kept sends only the settlement', async () => {
    const conflict = await makeConflict();
    await resolveConflict(conflict.id, 'Version d’Awa');
    expect((await db.outbox.toArray()).map((row) => row.table)).toEqual(['conflicts']);
    await expectEveryDevice('Version d’Awa');
  });
});

describe('the review screen filters', () => {
  const row = (missionId: string, missionTitle: string, communeName: string, authors: string[], extra = {}) =>
    ({
      note: aVisitNote(missionId, 'c', extra),
      communeName,
      missionTitle,
      authorNames: authors,
    }) as ReviewRow;
  const rows = [
    row('m1', 'Mission Nord', 'Ségou', ['Awa Exemple'], { state: 'soumise', observations: 'Le forage fonctionne.' }),
    row('m1', 'Mission Nord', 'Kéra', ['Ibrahim Exemple'], { state: 'validee' }),
    row('m2', 'Mission Sud', 'Sokoura', ['Awa Exemple', 'Moussa Exemple'], { state: 'soumise' }),
  ];
  const communes = (list: ReviewRow[]) => list.map((r) => r.communeName);

  it('narrows by mission, commune, author and state, each on its own and together', () => {
    expect(communes(filterRows(rows, NO_FILTERS))).toEqual(['Ségou', 'Kéra', 'Sokoura']);
    expect(communes(filterRows(rows, { ...NO_FILTERS, missionId: rows[2].note.missionId }))).toEqual(['Sokoura']);
    expect(communes(filterRows(rows, { ...NO_FILTERS, commune: 'Kéra' }))).toEqual(['Kéra']);
    expect(communes(filterRows(rows, { ...NO_FILTERS, author: 'Awa Exemple' }))).toEqual(['Ségou', 'Sokoura']);
    expect(communes(filterRows(rows, { ...NO_FILTERS, state: 'soumise', author: 'Moussa Exemple' }))).toEqual([
      'Sokoura',
    ]);
  });

  it('searches every word in the note, its commune, mission and authors, without accents or capitals', () => {
    expect(communes(filterRows(rows, { ...NO_FILTERS, query: 'segou FORAGE' }))).toEqual(['Ségou']);
    expect(communes(filterRows(rows, { ...NO_FILTERS, query: 'sud moussa' }))).toEqual(['Sokoura']);
    expect(filterRows(rows, { ...NO_FILTERS, query: 'pompe' })).toEqual([]);
  });

  it('offers the missions held, and the communes and authors of the chosen mission only', () => {
    const all = filterOptions(rows, '');
    expect(all.missions.map((m) => m.title)).toEqual(['Mission Nord', 'Mission Sud']);
    expect(all.communes).toEqual(['Kéra', 'Ségou', 'Sokoura']);
    const south = filterOptions(rows, rows[2].note.missionId);
    expect(south.communes).toEqual(['Sokoura']);
    expect(south.authors).toEqual(['Awa Exemple', 'Moussa Exemple']);
  });
});
