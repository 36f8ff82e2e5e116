// A simulated device for sync tests: its own IndexedDB database (fake-indexeddb), sync store,
// status and HTTP client to the in-process server, and the real engine. Local edits go through the
// app's write path (src/db/mutations.ts) on this device's database.
import { ulid } from 'ulid';
import { insertRecord, recordWrites } from '../../../../src/db/mutations';
import { createDexieSyncStore } from '../../../../src/db/repositories/sync';
import { db as appDb, TerrainDB } from '../../../../src/db/schema';
import { UPLOAD_CHUNK_BYTES } from '../../../../src/shared/constants';
import type { CreateUserRequest } from '../../../../src/shared/protocol';
import { createAdminApi } from '../../../../src/sync/adminApi';
import { createSyncApi, login } from '../../../../src/sync/api';
import { type EngineDeps, runSync } from '../../../../src/sync/engine';
import type { HttpClient } from '../../../../src/sync/http';
import { createSyncStatusStore } from '../../../../src/sync/status';
import { aMission } from '../../../fixtures/builders';
import { ADMIN_EMAIL, ADMIN_PASSWORD, BASE_URL, type InProcessServer } from './inProcessServer';

/** `db`: the app's own database for the device whose edits go through src/db/mutations.ts. */
export function makeDevice(server: InProcessServer, name: string, db = new TerrainDB(`device-${name}-${ulid()}`)) {
  const store = createDexieSyncStore(db);
  const client: HttpClient = {
    baseUrl: BASE_URL,
    fetch: server.fetchFor(name),
    token: async () => (await store.readSession())?.token ?? null,
  };
  const status = createSyncStatusStore();
  const deps: EngineDeps = {
    api: createSyncApi(client),
    store,
    status,
    client,
    makeThumbnail: async (photo) => photo,
    isMetered: () => false,
    uploadRetryDelaysMs: [],
    // Chunk boundaries the tests can name; sized from the link otherwise (uploadChunks.test.ts).
    uploadChunkBytes: UPLOAD_CHUNK_BYTES,
  };

  const writes = recordWrites(db);

  return {
    name,
    db,
    store,
    client,
    status,
    async logIn(email: string, password: string) {
      await store.saveSession(await login(client, email, password));
    },
    sync: (options: Partial<EngineDeps> = {}) => runSync({ ...deps, ...options }),
    /** Writes through the app's own write path (src/db/mutations.ts), on this device's database. */
    insert: writes.insertRecord,
    update: writes.updateRecord,
    remove: writes.deleteRecord,
  };
}

export type Device = ReturnType<typeof makeDevice>;

/** The administrator's side: accounts and memberships, through the app's own admin API client. */
export async function adminOf(server: InProcessServer) {
  const admin = makeDevice(server, 'admin');
  await admin.logIn(ADMIN_EMAIL, ADMIN_PASSWORD);
  const api = createAdminApi(admin.client);
  let n = 0;
  return {
    api,
    async newMember(name: string) {
      n += 1;
      const request: CreateUserRequest = {
        email: `membre${n}.${ulid().slice(-6).toLowerCase()}@exemple.test`,
        name,
        role: 'member',
        password: 'mot-de-passe-test',
      };
      const user = await api.createUser(request);
      return { user, email: request.email, password: request.password };
    },
  };
}

/**
 * A clean start for a test: the app's database emptied, the server's interceptor and log reset,
 * and two new members logged in, `a` on the app's database and `b` on a device of its own.
 */
export async function twoMembersLoggedIn(server: InProcessServer, admin: Awaited<ReturnType<typeof adminOf>>) {
  await Promise.all(appDb.tables.map((t) => t.clear()));
  server.intercept(null);
  server.log.length = 0;
  const awa = await admin.newMember('Awa Exemple');
  const ibrahim = await admin.newMember('Ibrahim Exemple');
  const a = makeDevice(server, 'a', appDb);
  const b = makeDevice(server, 'b');
  await a.logIn(awa.email, awa.password);
  await b.logIn(ibrahim.email, ibrahim.password);
  return { a, b, awa, ibrahim };
}

/** `twoMembersLoggedIn`, and a mission made on A's device, sent, that B belongs to as well. */
export async function twoMembersOnOneMission(server: InProcessServer, admin: Awaited<ReturnType<typeof adminOf>>) {
  const members = await twoMembersLoggedIn(server, admin);
  const mission = await insertRecord('missions', aMission());
  await members.a.sync();
  await admin.api.addMember(mission.id, members.ibrahim.user.id);
  return { ...members, mission };
}
