// The visit-note review rules, enforced on push: members submit, coordinators send back or
// validate, a validated note is read-only for members; any other state change is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteState } from '../../../src/shared/model';
import type { MutationResult } from '../../../src/shared/protocol';
import { aMission, aVisitNote } from '../../fixtures/builders';
import { createMutation, makeTestServer, type TestServer, updateMutation } from './support';

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
