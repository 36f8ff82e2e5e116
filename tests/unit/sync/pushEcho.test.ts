// After a push, the pull of the same sync does not bring the device's own records back (the push
// answers carried the server's copy): what comes down is a small fraction of what went up. What
// another device changed still arrives, and a new mission created on this device is held at once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertRecord } from '../../../src/db/mutations';
import { db as appDb } from '../../../src/db/schema';
import type { Mission } from '../../../src/shared/model';
import { aCommune, aMission, aVisitNote } from '../../fixtures/builders';
import { adminOf, type Device, twoMembersLoggedIn } from './support/device';
import { type InProcessServer, startInProcessServer } from './support/inProcessServer';

let server: InProcessServer;
let admin: Awaited<ReturnType<typeof adminOf>>;
let a: Device;
let b: Device;
let members: Awaited<ReturnType<typeof twoMembersLoggedIn>>;

beforeAll(async () => {
  server = await startInProcessServer();
  admin = await adminOf(server);
});
afterAll(() => server.close());

beforeEach(async () => {
  members = await twoMembersLoggedIn(server, admin);
  ({ a, b } = members);
});

const bodyBytesOf = (device: string, path: string) =>
  server.log.filter((r) => r.device === device && r.path === path).reduce((sum, r) => sum + r.bodyBytes, 0);

/** A new mission with 40 notes (about 1 KB of text each), written on device A. */
async function missionWithNotes(): Promise<{ mission: Mission; pushedBytes: number }> {
  const mission = await insertRecord('missions', aMission());
  const commune = await insertRecord('communes', aCommune(mission.id));
  for (let i = 0; i < 40; i++) {
    await insertRecord('visitNotes', aVisitNote(mission.id, commune.id, { observations: `Note ${i} `.repeat(120) }));
  }
  const pushedBytes = JSON.stringify(await appDb.outbox.toArray()).length;
  return { mission, pushedBytes };
}

describe('no echo of a push in the pull that follows', () => {
  it('pulls back at most 0.2× of what it pushed, for a new mission and for later edits', async () => {
    const { mission, pushedBytes } = await missionWithNotes();
    const report = await a.sync();
    expect(report.pushed).toBe(42);
    expect(report.pulled).toBe(0);
    expect(bodyBytesOf('a', '/api/sync/pull')).toBeLessThanOrEqual(0.2 * pushedBytes);
    // Every record is on the device with the server's version (from the push answers).
    expect(
      (await appDb.visitNotes.where('missionId').equals(mission.id).toArray()).every((n) => n.serverVersion === 1),
    ).toBe(true);

    // Member B joins, pulls the whole mission, and changes a note; A's next pull brings that one.
    await admin.api.addMember(mission.id, members.ibrahim.user.id);
    await b.sync();
    expect(await b.db.visitNotes.where('missionId').equals(mission.id).count()).toBe(40);
    const [first] = await b.db.visitNotes.where('missionId').equals(mission.id).toArray();
    await b.update('visitNotes', first.id, { peopleMet: 'Le maire' });
    await b.sync();
    const again = await a.sync();
    expect(again.pulled).toBe(1);
    expect((await appDb.visitNotes.get(first.id))?.peopleMet).toBe('Le maire');
  });
});
