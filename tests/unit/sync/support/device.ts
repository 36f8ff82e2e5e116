// A simulated device for sync tests: its own IndexedDB database (fake-indexeddb), sync store,
// status and HTTP client to the in-process server, and the real engine. Local edits write the
// record and its outbox row in one transaction, exactly as src/db/mutations.ts does for the app.
import { ulid } from 'ulid';
import { createDexieSyncStore } from '../../../../src/db/repositories/sync';
import { db as appDb, type OutboxEntry, TerrainDB } from '../../../../src/db/schema';
import type { SyncedTable } from '../../../../src/shared/model';
import type { CreateUserRequest } from '../../../../src/shared/protocol';
import { createAdminApi } from '../../../../src/sync/adminApi';
import { createSyncApi, login } from '../../../../src/sync/api';
import { type EngineDeps, runSync } from '../../../../src/sync/engine';
import type { HttpClient } from '../../../../src/sync/http';
import { createSyncStatusStore } from '../../../../src/sync/status';
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
  };

  async function queue(
    table: SyncedTable,
    record: { id: string; missionId: string; serverVersion?: number },
    changes: Record<string, unknown>,
    op: 'put' | 'delete' = 'put',
  ) {
    const row: OutboxEntry = {
      mutationId: ulid(),
      table,
      recordId: record.id,
      missionId: record.missionId,
      op,
      changes,
      baseVersion: record.serverVersion ?? 0,
      createdAt: new Date().toISOString(),
    };
    await db.outbox.add(row);
  }

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
    async insert<T extends { id: string; missionId: string }>(table: SyncedTable, record: T) {
      await db.transaction('rw', db.table(table), db.outbox, async () => {
        await db.table(table).add(record);
        await queue(table, record, { ...record });
      });
      return record;
    },
    async update(table: SyncedTable, id: string, patch: Record<string, unknown>) {
      await db.transaction('rw', db.table(table), db.outbox, async () => {
        const current = await db.table(table).get(id);
        const changes = { ...patch, updatedAt: new Date().toISOString() };
        await db.table(table).put({ ...current, ...changes });
        await queue(table, current, changes);
      });
    },
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
