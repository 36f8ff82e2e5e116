// The report's settings on the server (issue 13): one record per mission whose id is the mission's
// id. Two devices that create it offline both land on that record, merged field by field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMission, aReportSettings } from '../../fixtures/builders';
import { createMutation } from '../../fixtures/mutations';
import { makeTestServer, type TestServer } from './support';

let server: TestServer;
let member: Awaited<ReturnType<TestServer['newUser']>>;

beforeAll(async () => {
  server = await makeTestServer();
  member = await server.newUser('member', 'Membre Exemple');
});
afterAll(() => server.close());

describe('report settings on the server', () => {
  it('are stored as one record per mission, the two devices’ fields merged', async () => {
    const mission = aMission();
    expect((await server.push(member.token, [createMutation('missions', mission)])).results[0].status).toBe('applied');
    const phone = aReportSettings(mission.id, { synthesis: 'Synthèse du téléphone.' });
    const laptop = aReportSettings(mission.id, { conclusion: 'Conclusion du portable.', synthesis: phone.synthesis });
    expect((await server.push(member.token, [createMutation('reportSettings', phone)])).results[0].status).toBe(
      'applied',
    );
    expect((await server.push(member.token, [createMutation('reportSettings', laptop)])).results[0].status).toBe(
      'applied',
    );
    const stored = (await server.pull(member.token)).changes.filter((c) => c.table === 'reportSettings');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      id: mission.id,
      data: { synthesis: 'Synthèse du téléphone.', conclusion: 'Conclusion du portable.' },
    });
  });

  it('refuse a part of the report that does not exist', async () => {
    const mission = aMission();
    await server.push(member.token, [createMutation('missions', mission)]);
    const bad = { ...aReportSettings(mission.id), excludedParts: ['couverture'] } as never;
    const [result] = (await server.push(member.token, [createMutation('reportSettings', bad)])).results;
    expect(result.status).toBe('rejected');
  });
});
