// Two server processes sharing one PostgreSQL database and one data folder (the set-up for when one
// process is not enough): members push to both at once while another member pulls page by page from
// either. Every write is applied once, edits of different fields of one note made through both
// processes all stay, and the puller, who only asks for what comes after its cursor, misses nothing:
// change sequences commit in order across processes (src/server/sync/sequence.ts).
// PostgreSQL only (server-pg project): SQLite is one process by design.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../src/shared/constants';
import type { Mutation, ServerRecord } from '../../../src/shared/protocol';
import { createSyncApi } from '../../../src/sync/api';
import { ADMIN_ENV, adminApiOf, apiClientAs, createAccount, PASSWORD } from '../../e2e/support/accounts';
import { makeDataDir, type RunningServer, startServer } from '../../e2e/support/server';
import { aMission, aVisitNote } from '../../fixtures/builders';
import { createMutation, updateMutation } from '../../fixtures/mutations';
import { freshDatabaseUrl } from './support';

const WRITERS = 6;
const BATCHES = 4;
const NOTES_PER_BATCH = 40;
const FIELDS = ['peopleMet', 'observations', 'difficulties', 'recommendations'] as const;

let servers: RunningServer[] = [];
let dropDatabase: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  const database = await freshDatabaseUrl();
  dropDatabase = database.drop;
  const env = { ...ADMIN_ENV, DATABASE_URL: database.url ?? '' };
  const dataDir = makeDataDir();
  // One after the other: the first one migrates the database, the second finds it ready.
  servers.push(await startServer({ dataDir, env }));
  servers.push(await startServer({ dataDir, env }));
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  servers = [];
  await dropDatabase();
});

const syncApiAs = async (server: RunningServer, email: string) =>
  createSyncApi(await apiClientAs(server.url, email, PASSWORD));

describe('two server processes on one PostgreSQL database', () => {
  it('apply every push once, merge edits made through both, and let a puller miss nothing', async () => {
    const admin = await adminApiOf(servers[0].url);
    const writer = await createAccount(admin, 'Rédacteur Exemple', { email: 'redacteur@exemple.test' });
    const reader = await createAccount(admin, 'Lecteur Exemple', { email: 'lecteur@exemple.test' });
    // A session made on one process is known to the other: they share the database.
    const writerApis = [await syncApiAs(servers[0], writer.email), await syncApiAs(servers[1], writer.email)];
    const readerApis = [await syncApiAs(servers[1], reader.email), await syncApiAs(servers[0], reader.email)];
    const push = (w: number, mutations: Mutation[]) =>
      writerApis[w % 2].push({ protocolVersion: PROTOCOL_VERSION, clientId: `appareil-${w}`, mutations });

    const mission = aMission();
    const shared = aVisitNote(mission.id, 'c0');
    await push(0, [createMutation('missions', mission), createMutation('visitNotes', shared)]);
    await admin.addMember(mission.id, reader.id);

    const seen = new Map<string, ServerRecord>();
    let cursors: Record<string, number> = {};
    let pulls = 0;
    const pullPage = async () => {
      const page = await readerApis[pulls++ % 2].pull({ protocolVersion: PROTOCOL_VERSION, cursors, limit: 50 });
      for (const change of page.changes) seen.set(`${change.table}/${change.id}`, change);
      cursors = page.cursors;
      return page.hasMore;
    };

    let writing = true;
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let batch = 0; batch < BATCHES; batch++) {
        const notes = Array.from({ length: NOTES_PER_BATCH }, () => aVisitNote(mission.id, `c${w}`));
        const answer = await push(
          w,
          notes.map((note) => createMutation('visitNotes', note)),
        );
        expect(answer.results.map((r) => r.status)).toEqual(notes.map(() => 'applied'));
      }
      // Each of the first writers changes another field of the shared note, from the same base.
      if (w < FIELDS.length) {
        const answer = await push(w, [updateMutation('visitNotes', shared, { [FIELDS[w]]: `écrit par ${w}` }, 1)]);
        expect(answer.results[0]).toMatchObject({ status: 'applied', conflicts: [] });
      }
    });
    const puller = (async () => {
      while (writing) await pullPage();
    })();
    await Promise.all(writers);
    writing = false;
    await puller;
    while (await pullPage()) {}

    const notes = [...seen.keys()].filter((key) => key.startsWith('visitNotes/'));
    expect(notes).toHaveLength(WRITERS * BATCHES * NOTES_PER_BATCH + 1);
    expect(pulls).toBeGreaterThan(2);
    const sharedNow = seen.get(`visitNotes/${shared.id}`);
    expect(sharedNow?.data).toMatchObject(Object.fromEntries(FIELDS.map((field, w) => [field, `écrit par ${w}`])));
    expect(sharedNow?.version).toBe(1 + FIELDS.length);
    // Its speed is measured in the benchmarks; on a loaded 2-core machine this can take a while.
  }, 120_000);
});
