// The device side of sync. It keeps, in IndexedDB: the outbox (db.outbox), the pull cursors, the
// session, this device's id and the tus upload address of each photo being sent (db.syncState), and
// the "photos on a cheap network only" choice (db.settings). Every batch the server answers is
// applied in ONE transaction, so a cursor never moves without its records and an outbox row never
// goes without the server's copy of its record being stored.

import type { ServerRecord, Session } from '../../shared/protocol';
import { isNewerThanLocal, mergeServerRecord } from '../../sync/merge';
import type { PendingPhoto, PushOutcome, StoredSession, SyncStore } from '../../sync/ports';
import { newId } from '../ids';
import { db as appDb, type OutboxEntry, type TerrainDB } from '../schema';

const KEY = {
  session: 'session',
  clientId: 'clientId',
  cursors: 'cursors',
  lastSyncAt: 'lastSyncAt',
  lastUser: 'lastUser',
} as const;
/** The tus address of a photo's upload for one mission (`upload:<hash>` before photos were per mission). */
const UPLOAD_KEY_PREFIX = 'upload:';
const uploadKey = (photo: PendingPhoto) => `${UPLOAD_KEY_PREFIX}${photo.missionId}/${photo.hash}`;
const legacyUploadKey = (hash: string) => `${UPLOAD_KEY_PREFIX}${hash}`;
const CHEAP_NETWORK_KEY = 'photosCheapNetworkOnly';

const recordKey = (table: string, id: string) => `${table}/${id}`;
/** Tables that are not records of a mission (the outbox has a missionId but is the device's own). */
const LOCAL_ONLY_TABLES = new Set(['outbox', 'photoBlobs', 'syncState', 'settings']);

/** The newest server copy of each record among the answers (a batch may touch a record twice). */
function newestPerRecord(records: ServerRecord[]): ServerRecord[] {
  const newest = new Map<string, ServerRecord>();
  for (const record of records) {
    const key = recordKey(record.table, record.id);
    const seen = newest.get(key);
    if (!seen || seen.version <= record.version) newest.set(key, record);
  }
  return [...newest.values()];
}

/** The sync store over one device database (the app's; tests open one per simulated device). */
export function createDexieSyncStore(db: TerrainDB): SyncStore {
  async function readState<T>(key: string): Promise<T | null> {
    return ((await db.syncState.get(key))?.value as T | undefined) ?? null;
  }

  /**
   * Stores server records, each merged with the outbox rows of that record still on the device.
   * Must run inside a transaction over the synced tables and the outbox.
   */
  async function storeServerRecords(records: ServerRecord[]): Promise<void> {
    if (records.length === 0) return;
    const rowsByRecord = new Map<string, OutboxEntry[]>();
    for (const row of await db.outbox.toArray()) {
      const key = recordKey(row.table, row.recordId);
      rowsByRecord.set(key, [...(rowsByRecord.get(key) ?? []), row]);
    }
    const byTable = new Map<string, ServerRecord[]>();
    for (const record of records) byTable.set(record.table, [...(byTable.get(record.table) ?? []), record]);
    for (const [table, list] of byTable) {
      const locals = await db.table(table).bulkGet(list.map((r) => r.id));
      const next = list
        .filter((record, i) => isNewerThanLocal(record, locals[i]))
        .map((record) => mergeServerRecord(record, rowsByRecord.get(recordKey(table, record.id)) ?? []));
      await db.table(table).bulkPut(next);
    }
  }

  /**
   * A mission that was in the cursors and is no longer: the person was removed from it. Its records
   * leave the device (the server keeps them), except those with a change still in the outbox, which
   * stay visible with the server's refusal. Photo bytes stay: a blob is never deleted here.
   */
  async function dropLeftMissions(before: Record<string, number>, after: Record<string, number>): Promise<void> {
    const left = new Set(Object.keys(before).filter((missionId) => !(missionId in after)));
    if (left.size === 0) return;
    const pending = new Set((await db.outbox.toArray()).map((row) => recordKey(row.table, row.recordId)));
    for (const table of db.tables) {
      if (LOCAL_ONLY_TABLES.has(table.name)) continue;
      await table
        .filter((record) => left.has(record.missionId) && !pending.has(recordKey(table.name, record.id)))
        .delete();
    }
  }

  // Every table: a server record may belong to any synced table, and importing the list of synced
  // tables (src/shared/model) here would put zod in the first screen's bundle.
  const syncTables = () => db.tables;

  const store: SyncStore = {
    async clientId() {
      const existing = await readState<string>(KEY.clientId);
      if (existing) return existing;
      const id = newId();
      await db.syncState.put({ key: KEY.clientId, value: id });
      return id;
    },
    readSession: () => readState<StoredSession>(KEY.session),
    async saveSession(session: Session) {
      await db.syncState.bulkPut([
        { key: KEY.session, value: session },
        // Kept after logging out: pending changes belong to this person until they are sent.
        { key: KEY.lastUser, value: { id: session.user.id, name: session.user.name } },
      ]);
    },
    async markSessionExpired() {
      await db.syncState
        .where('key')
        .equals(KEY.session)
        .modify((row) => {
          row.value = { ...(row.value as StoredSession), expired: true };
        });
    },
    async clearSession() {
      await db.syncState.delete(KEY.session);
    },

    readOutbox: () => db.outbox.toArray(),
    async applyPushOutcomes(outcomes: PushOutcome[]) {
      await db.transaction('rw', syncTables(), async () => {
        const records: ServerRecord[] = [];
        for (const { rowIds, result } of outcomes) {
          if (result.status === 'rejected') {
            const rejected = { code: result.code, message: result.message };
            await db.outbox.where('mutationId').anyOf(rowIds).modify({ rejected });
            continue;
          }
          await db.outbox.bulkDelete(rowIds);
          if (result.record) records.push(result.record);
        }
        await storeServerRecords(newestPerRecord(records));
        // The device now holds the server's copy of what it pushed: a mission it pushed to counts as
        // held (a cursor, 0 when new), so the next pull does not send its own records back.
        const cursors = (await readState<Record<string, number>>(KEY.cursors)) ?? {};
        const fresh = records.filter((record) => !(record.missionId in cursors));
        if (fresh.length > 0) {
          for (const record of fresh) cursors[record.missionId] = 0;
          await db.syncState.put({ key: KEY.cursors, value: cursors });
        }
      });
    },

    async readCursors() {
      return (await readState<Record<string, number>>(KEY.cursors)) ?? {};
    },
    async applyPullPage(changes, cursors) {
      await db.transaction('rw', syncTables(), async () => {
        await dropLeftMissions((await readState<Record<string, number>>(KEY.cursors)) ?? {}, cursors);
        await storeServerRecords(newestPerRecord(changes));
        await db.syncState.put({ key: KEY.cursors, value: cursors });
      });
    },

    async pendingPhotoUploads() {
      const hashes = (await db.photoBlobs.where('uploaded').equals(0).primaryKeys()) as string[];
      if (hashes.length === 0) return [];
      const photos = await db.photos.where('hash').anyOf(hashes).toArray();
      const seen = new Set<string>();
      const pending: PendingPhoto[] = [];
      for (const photo of photos) {
        const key = `${photo.missionId}/${photo.hash}`;
        if (seen.has(key)) continue;
        seen.add(key);
        pending.push({ hash: photo.hash, missionId: photo.missionId });
      }
      return pending;
    },
    async readPhotoBlob(hash) {
      return (await db.photoBlobs.get(hash))?.blob ?? null;
    },
    async markPhotoUploaded(hash) {
      await db.transaction('rw', db.photoBlobs, db.syncState, async () => {
        await db.photoBlobs.update(hash, { uploaded: 1 });
        // The upload addresses of every mission using it: none is needed any more.
        await db.syncState
          .where('key')
          .startsWith(UPLOAD_KEY_PREFIX)
          .filter((row) => row.key.endsWith(hash))
          .delete();
      });
    },
    async readUploadUrl(photo) {
      // An upload started before photos were per mission resumes too (it is for the same bytes).
      return (await readState<string>(uploadKey(photo))) ?? readState<string>(legacyUploadKey(photo.hash));
    },
    async saveUploadUrl(photo, url) {
      await db.transaction('rw', db.syncState, async () => {
        await db.syncState.delete(legacyUploadKey(photo.hash));
        if (url) await db.syncState.put({ key: uploadKey(photo), value: url });
        else await db.syncState.delete(uploadKey(photo));
      });
    },
    async photosWithoutBlob() {
      const photos = await db.photos.toArray();
      const wanted = [...new Set(photos.filter((p) => !p.deletedAt).map((p) => p.hash))];
      if (wanted.length === 0) return [];
      const held = new Set((await db.photoBlobs.where('hash').anyOf(wanted).primaryKeys()) as string[]);
      return wanted.filter((hash) => !held.has(hash));
    },
    async storeDownloadedPhoto(hash, blob, thumb) {
      await db.transaction('rw', db.photoBlobs, async () => {
        // Never replace bytes already here (they may be the device's own, not yet uploaded).
        if (!(await db.photoBlobs.get(hash))) await db.photoBlobs.add({ hash, blob, thumb, uploaded: 1 });
      });
    },

    async photosOnCheapNetworkOnly() {
      return (await db.settings.get(CHEAP_NETWORK_KEY))?.value === true;
    },
    async setLastSyncAt(iso) {
      await db.syncState.put({ key: KEY.lastSyncAt, value: iso });
    },
  };
  return store;
}

export const dexieSyncStore = createDexieSyncStore(appDb);

// ---- for screens (through live queries in src/app/hooks/useSyncStatus.ts) ---------------------

export const readSession = dexieSyncStore.readSession;
export const readLastSyncAt = () =>
  appDb.syncState.get(KEY.lastSyncAt).then((row) => (row?.value as string | undefined) ?? null);
export const countPendingPhotos = () => appDb.photoBlobs.where('uploaded').equals(0).count();
export const listOutbox = () => appDb.outbox.toArray();
export const readPhotosOnCheapNetworkOnly = dexieSyncStore.photosOnCheapNetworkOnly;

export async function setPhotosOnCheapNetworkOnly(value: boolean): Promise<void> {
  await appDb.settings.put({ key: CHEAP_NETWORK_KEY, value });
}

/** "Réessayer": the refused change goes out again with the next sync (alone, see squash.ts). */
export async function retryRejectedChange(mutationId: string): Promise<void> {
  await appDb.outbox
    .where('mutationId')
    .equals(mutationId)
    .modify((row) => {
      delete row.rejected;
      row.retried = true;
    });
}

/**
 * The person whose changes wait in the outbox: the last account logged in on this device, while
 * anything is pending (changes made before any login go with the first account). Another account
 * must not send them under its own name.
 */
export async function ownerOfPendingChanges(db: TerrainDB = appDb): Promise<{ id: string; name: string } | null> {
  if ((await db.outbox.count()) === 0) return null;
  return ((await db.syncState.get(KEY.lastUser))?.value as { id: string; name: string } | undefined) ?? null;
}
