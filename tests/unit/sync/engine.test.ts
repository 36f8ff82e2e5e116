// The sync engine end to end in Node: real devices' databases (fake-indexeddb) against the real
// server app in process. What one device writes reaches the other; a lost answer is not applied
// twice; edits of different fields merge; the same field becomes a conflict; refusals stay visible.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertRecord, updateRecord } from '../../../src/db/mutations';
import { db as appDb } from '../../../src/db/schema';
import type { Mission, VisitNote } from '../../../src/shared/model';
import { SyncError } from '../../../src/sync/http';
import { aCommune, aMission, aTdrRevision, aVisitNote } from '../../fixtures/builders';
import { adminOf, type Device, twoMembersLoggedIn } from './support/device';
import { type InProcessServer, startInProcessServer } from './support/inProcessServer';

let server: InProcessServer;
let admin: Awaited<ReturnType<typeof adminOf>>;
let a: Device;
let b: Device;
let mission: Mission;
let note: VisitNote;

beforeAll(async () => {
  server = await startInProcessServer();
  admin = await adminOf(server);
});
afterAll(() => server.close());

beforeEach(async () => {
  const members = await twoMembersLoggedIn(server, admin);
  ({ a, b } = members);

  mission = await insertRecord('missions', aMission());
  const commune = await insertRecord('communes', aCommune(mission.id));
  note = await insertRecord('visitNotes', aVisitNote(mission.id, commune.id));
  await a.sync();
  await admin.api.addMember(mission.id, members.ibrahim.user.id);
  await b.sync();
});

const pushes = (device: string) => server.log.filter((r) => r.device === device && r.path === '/api/sync/push');

describe('sync between two devices through the real server', () => {
  it('sends every local change, gzip-compressed, and the other member receives them', async () => {
    expect(await appDb.outbox.count()).toBe(0);
    expect((await appDb.visitNotes.get(note.id))?.serverVersion).toBe(1);
    expect(await b.db.missions.get(mission.id)).toMatchObject({ title: mission.title, serverVersion: 1 });
    expect(await b.db.visitNotes.get(note.id)).toMatchObject({ communeId: note.communeId });
    expect(pushes('a')[0].headers.get('content-encoding')).toBe('gzip');
  });

  it('squashes many autosaves of one note into one mutation', async () => {
    for (const text of ['L', 'La', 'La ré', 'La réunion a eu lieu'])
      await updateRecord('visitNotes', note.id, { observations: text });
    const before = pushes('a').length;
    const report = await a.sync();
    expect(report.pushed).toBe(1);
    expect(pushes('a').length).toBe(before + 1);
    await b.sync();
    expect((await b.db.visitNotes.get(note.id))?.observations).toBe('La réunion a eu lieu');
  });

  it('does not apply a change twice when the answer to a push is lost', async () => {
    await updateRecord('visitNotes', note.id, { observations: 'une fois' });
    server.intercept((r) => (r.path === '/api/sync/push' ? 'drop-response' : 'pass'));
    await expect(a.sync()).rejects.toMatchObject({ code: 'network' });
    expect(await appDb.outbox.count()).toBe(1);

    server.intercept(null);
    await a.sync();
    expect(await appDb.outbox.count()).toBe(0);
    expect((await appDb.visitNotes.get(note.id))?.serverVersion).toBe(2);
    await b.sync();
    expect(await b.db.visitNotes.get(note.id)).toMatchObject({ observations: 'une fois', serverVersion: 2 });
  });

  it('keeps both edits when two devices change different fields of one note offline', async () => {
    await updateRecord('visitNotes', note.id, { observations: 'vu par Awa' });
    await b.update('visitNotes', note.id, { difficulties: 'notées par Ibrahim' });
    await a.sync();
    await b.sync();
    await a.sync();
    for (const device of [appDb, b.db]) {
      expect(await device.visitNotes.get(note.id)).toMatchObject({
        observations: 'vu par Awa',
        difficulties: 'notées par Ibrahim',
      });
    }
    expect(await appDb.conflicts.count()).toBe(0);
  });

  it('turns edits of the same field on two devices into a conflict holding both values', async () => {
    await updateRecord('visitNotes', note.id, { observations: 'version Awa' });
    await b.update('visitNotes', note.id, { observations: 'version Ibrahim' });
    await a.sync();
    await b.sync();
    await a.sync();
    const conflicts = await appDb.conflicts.toArray();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ table: 'visitNotes', recordId: note.id, field: 'observations' });
    expect(conflicts[0].values.map((v) => v.value).sort()).toEqual(['version Awa', 'version Ibrahim']);
    expect(await b.db.conflicts.count()).toBe(1);
    // Nothing is lost, and both devices show the same value until someone settles it.
    expect((await b.db.visitNotes.get(note.id))?.observations).toBe(
      (await appDb.visitNotes.get(note.id))?.observations,
    );
  });

  it('keeps a refused change on the device with its reason, and does not send it again by itself', async () => {
    const foreign = aMission();
    await b.insert('communes', aCommune(foreign.id));
    await b.sync();
    const [row] = await b.db.outbox.toArray();
    expect(row.rejected?.code).toBe('not-member');
    expect(row.rejected?.message).toMatch(/mission/);
    const sent = pushes('b').length;
    await b.sync();
    expect(pushes('b').length).toBe(sent);
    expect(await b.db.outbox.count()).toBe(1);
  });

  it('pulls in pages and stores every record', async () => {
    for (let i = 0; i < 12; i++)
      await b.insert('visitNotes', aVisitNote(mission.id, note.communeId, { peopleMet: `n${i}` }));
    await b.sync();
    const before = server.log.filter((r) => r.device === 'a' && r.path === '/api/sync/pull').length;
    await a.sync({ pullLimit: 5 });
    expect(server.log.filter((r) => r.device === 'a' && r.path === '/api/sync/pull').length - before).toBe(3);
    expect(await appDb.visitNotes.count()).toBe(13);
  });

  it('stops with a login request when the session is no longer valid, keeping every change', async () => {
    await updateRecord('visitNotes', note.id, { observations: 'pas encore envoyé' });
    const session = await a.store.readSession();
    await a.store.saveSession({ ...session!, token: 'jeton-inconnu' });
    const error = await a.sync().catch((e) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect(error.needsLogin).toBe(true);
    expect(await appDb.outbox.count()).toBe(1);
    expect((await appDb.visitNotes.get(note.id))?.observations).toBe('pas encore envoyé');
  });
  it('ends with revisions 2 and 3 on both devices when each wrote a revision 2 offline', async () => {
    const first = await insertRecord('tdrRevisions', aTdrRevision(mission.id, { number: 1 }));
    await a.sync();
    await b.sync();
    await insertRecord('tdrRevisions', aTdrRevision(mission.id, { number: 2, authorName: 'Awa Exemple' }));
    await b.insert('tdrRevisions', aTdrRevision(mission.id, { number: 2, authorName: 'Ibrahim Exemple' }));
    await a.sync();
    await b.sync();
    await a.sync();
    for (const device of [appDb, b.db]) {
      const revisions = await device.tdrRevisions.where('missionId').equals(mission.id).sortBy('number');
      expect(revisions.map((r) => [r.number, r.authorName])).toEqual([
        [1, first.authorName],
        [2, 'Awa Exemple'],
        [3, 'Ibrahim Exemple'],
      ]);
    }
  });
});
