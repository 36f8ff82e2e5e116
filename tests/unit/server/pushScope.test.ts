// A mutation id is the sender's: a replay is the same id from the same account and device. The same
// id made by another device or another person is a different change and must be applied, not
// answered `duplicate` (which would make that device delete its change).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMission, aVisitNote } from '../../fixtures/builders';
import { createMutation } from '../../fixtures/mutations';
import { makeTestServer, type TestServer } from './support';

let server: TestServer;
let awa: Awaited<ReturnType<TestServer['newUser']>>;
let ibrahim: Awaited<ReturnType<TestServer['newUser']>>;
const mission = aMission();

beforeAll(async () => {
  server = await makeTestServer();
  awa = await server.newUser('member', 'Awa Exemple');
  ibrahim = await server.newUser('member', 'Ibrahim Exemple');
  await server.push(awa.token, [createMutation('missions', mission)]);
  await server.addMember(mission.id, ibrahim.user.id);
});
afterAll(() => server.close());

const status = (r: { status: string }) => r.status;

describe('mutation ids are scoped to their sender', () => {
  it('applies another person’s change that reuses an id already applied', async () => {
    const mutationId = 'id-reutilise-personne';
    const first = aVisitNote(mission.id, 'c1', { observations: 'Note d’Ibrahim' });
    const second = aVisitNote(mission.id, 'c1', { observations: 'Note d’Awa' });
    const fromIbrahim = await server.push(
      ibrahim.token,
      [{ ...createMutation('visitNotes', first), mutationId }],
      'tel-b',
    );
    expect(fromIbrahim.results.map(status)).toEqual(['applied']);
    const fromAwa = await server.push(awa.token, [{ ...createMutation('visitNotes', second), mutationId }], 'tel-a');
    expect(fromAwa.results.map(status)).toEqual(['applied']);
    const { changes } = await server.pull(awa.token);
    expect(changes.find((c) => c.id === second.id)?.data.observations).toBe('Note d’Awa');
  });

  it('applies a change of another device of the same person that reuses an id', async () => {
    const mutationId = 'id-reutilise-appareil';
    const first = aVisitNote(mission.id, 'c1');
    const second = aVisitNote(mission.id, 'c1');
    await server.push(awa.token, [{ ...createMutation('visitNotes', first), mutationId }], 'tel-a');
    const other = await server.push(awa.token, [{ ...createMutation('visitNotes', second), mutationId }], 'tablette-a');
    expect(other.results.map(status)).toEqual(['applied']);
  });

  it('still answers a replay from the same person and device `duplicate`, with the current record', async () => {
    const note = aVisitNote(mission.id, 'c1');
    const mutation = createMutation('visitNotes', note);
    await server.push(awa.token, [mutation], 'tel-a');
    const again = await server.push(awa.token, [mutation], 'tel-a');
    expect(again.results[0]).toMatchObject({ status: 'duplicate', record: { id: note.id, version: 1 } });
    const versions = await server.db
      .selectFrom('applied_mutations')
      .select('mutation_id')
      .where('mutation_id', '=', mutation.mutationId)
      .execute();
    expect(versions).toHaveLength(1);
  });

  it('answers `duplicate` to a replay of a mutation recorded before ids were scoped (no device known)', async () => {
    const note = aVisitNote(mission.id, 'c1');
    const mutation = createMutation('visitNotes', note);
    await server.push(awa.token, [mutation], 'tel-a');
    // Rows written before the migration have no device: they count for every device of that person.
    await server.db
      .updateTable('applied_mutations')
      .set({ client_id: '' })
      .where('mutation_id', '=', mutation.mutationId)
      .execute();
    const replay = await server.push(awa.token, [mutation], 'tel-a');
    expect(replay.results.map(status)).toEqual(['duplicate']);
    const fromIbrahim = await server.push(
      ibrahim.token,
      [{ ...createMutation('visitNotes', aVisitNote(mission.id, 'c1')), mutationId: mutation.mutationId }],
      'tel-b',
    );
    expect(fromIbrahim.results.map(status)).toEqual(['applied']);
  });
});
