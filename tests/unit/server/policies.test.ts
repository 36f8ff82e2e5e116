// The visit-note review rules, enforced on push: members submit, coordinators send back or
// validate, a validated note is read-only for members; any other state change is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteState } from '../../../src/shared/model';
import type { MutationResult } from '../../../src/shared/protocol';
import { aMission, aReviewComment, aVisitNote } from '../../fixtures/builders';
import { createMutation, updateMutation } from '../../fixtures/mutations';
import { makeTestServer, type TestServer } from './support';

let server: TestServer;
let member: Awaited<ReturnType<TestServer['newUser']>>;
let coordinator: Awaited<ReturnType<TestServer['newUser']>>;
const mission = aMission();

beforeAll(async () => {
  server = await makeTestServer();
  member = await server.newUser('member', 'Rédactrice Exemple');
  coordinator = await server.newUser('coordinator', 'Coordinatrice Exemple');
  await server.push(member.token, [createMutation('missions', mission)]);
  await server.addMember(mission.id, coordinator.user.id);
});
afterAll(() => server.close());

const outcome = (r: MutationResult) => (r.status === 'rejected' ? r.code : r.status);

/** A note already in `state`, and its server version. */
async function noteIn(state: NoteState) {
  const note = aVisitNote(mission.id, 'c1');
  await server.push(member.token, [createMutation('visitNotes', note)]);
  let version = 1;
  const path: Record<NoteState, NoteState[]> = {
    brouillon: [],
    soumise: ['soumise'],
    a_revoir: ['soumise', 'a_revoir'],
    validee: ['soumise', 'validee'],
  };
  for (const next of path[state]) {
    const who = next === 'soumise' ? member : coordinator;
    const [r] = (await server.push(who.token, [updateMutation('visitNotes', note, { state: next }, version)])).results;
    if (r.status !== 'applied') throw new Error(`setup ${next}: ${JSON.stringify(r)}`);
    version = r.record.version;
  }
  return { note, version };
}

async function move(who: typeof member, from: NoteState, to: NoteState, extra: Record<string, unknown> = {}) {
  const { note, version } = await noteIn(from);
  const [r] = (await server.push(who.token, [updateMutation('visitNotes', note, { state: to, ...extra }, version)]))
    .results;
  return outcome(r);
}

describe('visit note review rules', () => {
  it('a member submits a draft, and a note sent back for changes', async () => {
    expect(await move(member, 'brouillon', 'soumise')).toBe('applied');
    expect(await move(member, 'a_revoir', 'soumise')).toBe('applied');
  });

  it('a coordinator sends back, validates, and reopens a validated note', async () => {
    expect(await move(coordinator, 'soumise', 'a_revoir')).toBe('applied');
    expect(await move(coordinator, 'soumise', 'validee')).toBe('applied');
    expect(await move(coordinator, 'validee', 'a_revoir')).toBe('applied');
  });

  it('a member cannot validate or send back: forbidden-transition', async () => {
    expect(await move(member, 'soumise', 'validee')).toBe('forbidden-transition');
    expect(await move(member, 'soumise', 'a_revoir')).toBe('forbidden-transition');
    expect(await move(member, 'brouillon', 'validee')).toBe('forbidden-transition');
  });

  it('transitions outside the workflow are refused for everyone: forbidden-transition', async () => {
    expect(await move(coordinator, 'brouillon', 'validee')).toBe('forbidden-transition');
    expect(await move(coordinator, 'soumise', 'brouillon')).toBe('forbidden-transition');
  });

  it('a member cannot create a note directly as validated', async () => {
    const note = aVisitNote(mission.id, 'c1', { state: 'validee' });
    const [r] = (await server.push(member.token, [createMutation('visitNotes', note)])).results;
    expect(outcome(r)).toBe('forbidden-transition');
  });

  it('a validated note is read-only for members: any change is rejected read-only', async () => {
    const { note, version } = await noteIn('validee');
    const [edit] = (
      await server.push(member.token, [updateMutation('visitNotes', note, { observations: 'ajout' }, version)])
    ).results;
    expect(outcome(edit)).toBe('read-only');
    const [reopen] = (
      await server.push(member.token, [updateMutation('visitNotes', note, { state: 'a_revoir' }, version)])
    ).results;
    expect(outcome(reopen)).toBe('read-only');
    const [remove] = (
      await server.push(member.token, [
        { ...updateMutation('visitNotes', note, { deletedAt: '2024-07-26T00:00:00.000Z' }, version), op: 'delete' },
      ])
    ).results;
    expect(outcome(remove)).toBe('read-only');
    const [byCoordinator] = (
      await server.push(coordinator.token, [
        updateMutation('visitNotes', note, { recommendations: 'Précision' }, version),
      ])
    ).results;
    expect(outcome(byCoordinator)).toBe('applied');
  });
});

describe('review history (reviewComments)', () => {
  it('a coordinator sends a note back with a comment in one push: both apply', async () => {
    const { note, version } = await noteIn('soumise');
    const comment = aReviewComment(mission.id, note.id, { fromState: 'soumise', toState: 'a_revoir' });
    const { results } = await server.push(coordinator.token, [
      updateMutation('visitNotes', note, { state: 'a_revoir' }, version),
      createMutation('reviewComments', comment),
    ]);
    expect(results.map(outcome)).toEqual(['applied', 'applied']);
  });

  it('a member submits with a comment, and a coordinator validates with one: all apply', async () => {
    const { note, version } = await noteIn('a_revoir');
    const submitted = aReviewComment(mission.id, note.id, {
      fromState: 'a_revoir',
      toState: 'soumise',
      text: 'Corrigé.',
    });
    const [state, comment] = (
      await server.push(member.token, [
        updateMutation('visitNotes', note, { state: 'soumise' }, version),
        createMutation('reviewComments', submitted),
      ])
    ).results;
    expect([outcome(state), outcome(comment)]).toEqual(['applied', 'applied']);
    const validated = aReviewComment(mission.id, note.id, { fromState: 'soumise', toState: 'validee', text: '' });
    const { results } = await server.push(coordinator.token, [
      updateMutation('visitNotes', note, { state: 'validee' }, state.status === 'applied' ? state.record.version : 0),
      createMutation('reviewComments', validated),
    ]);
    expect(results.map(outcome)).toEqual(['applied', 'applied']);
  });

  it('a member cannot record a validation or a request for changes in the history: forbidden', async () => {
    const { note, version } = await noteIn('soumise');
    const { results } = await server.push(member.token, [
      updateMutation('visitNotes', note, { state: 'validee' }, version),
      createMutation('reviewComments', aReviewComment(mission.id, note.id, { toState: 'validee' })),
      createMutation('reviewComments', aReviewComment(mission.id, note.id, { toState: 'a_revoir' })),
    ]);
    expect(results.map(outcome)).toEqual(['forbidden-transition', 'forbidden', 'forbidden']);
  });

  it('a step of the history cannot be changed or deleted afterwards, even by a coordinator', async () => {
    const { note } = await noteIn('soumise');
    const comment = aReviewComment(mission.id, note.id, { toState: 'a_revoir' });
    await server.push(coordinator.token, [createMutation('reviewComments', comment)]);
    const { results } = await server.push(coordinator.token, [
      updateMutation('reviewComments', comment, { text: 'Autre texte' }, 1),
      { ...updateMutation('reviewComments', comment, { deletedAt: '2024-07-26T00:00:00.000Z' }, 1), op: 'delete' },
    ]);
    expect(results.map(outcome)).toEqual(['forbidden', 'forbidden']);
  });
});
