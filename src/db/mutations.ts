// The one write path for synced records: each change is stored together with its outbox row in a
// single IndexedDB transaction, so a change can never exist without its way to the server (and a
// crash between the two cannot happen). Repositories call these; screens call repositories.
import type { RecordOf, SyncedTable } from '../shared/model';
import { newId, nowIso } from './ids';
import { db as appDb, type OutboxEntry, type TerrainDB } from './schema';

type Base = { id: string; missionId: string; serverVersion?: number };

function outboxRow(
  table: SyncedTable,
  record: Base,
  op: 'put' | 'delete',
  changes: Record<string, unknown>,
): OutboxEntry {
  return {
    mutationId: newId(),
    table,
    recordId: record.id,
    missionId: record.missionId,
    op,
    changes,
    baseVersion: record.serverVersion ?? 0,
    createdAt: nowIso(),
  };
}

/** The fields of `patch` whose value differs from `current` (never the keys that identify a record). */
function changedValues(current: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'id' || key === 'missionId' || key === 'serverVersion') continue;
    if (JSON.stringify(current[key]) !== JSON.stringify(value)) changes[key] = value;
  }
  return changes;
}

/**
 * The writes on one device database: the app's own (below), or another in tests that simulate a
 * second device, which then writes exactly as the app does.
 */
export function recordWrites(db: TerrainDB) {
  /** Creates a record (all its fields go to the server). */
  async function insertRecord<T extends SyncedTable>(table: T, record: RecordOf<T>): Promise<RecordOf<T>> {
    await db.transaction('rw', db.table(table), db.outbox, async () => {
      await db.table(table).add(record);
      const { serverVersion: _ignored, ...fields } = record as RecordOf<T> & Base;
      await db.outbox.add(outboxRow(table, record, 'put', fields));
    });
    return record;
  }

  /**
   * Changes some fields of a record. Only the fields whose value really changed are written and
   * queued, so two devices that edit different fields of one record do not collide on the server.
   * Returns the updated record, or undefined when nothing changed.
   */
  async function updateRecord<T extends SyncedTable>(
    table: T,
    id: string,
    patch: Partial<RecordOf<T>>,
  ): Promise<RecordOf<T> | undefined> {
    return db.transaction('rw', db.table(table), db.outbox, async () => {
      const current = (await db.table(table).get(id)) as (RecordOf<T> & Base) | undefined;
      if (!current) throw new Error(`record-not-found:${table}/${id}`);
      const changes = changedValues(current, patch);
      if (Object.keys(changes).length === 0) return undefined;
      changes.updatedAt = nowIso();
      const next = { ...current, ...changes } as RecordOf<T> & Base;
      await db.table(table).put(next);
      await db.outbox.add(outboxRow(table, current, 'put', changes));
      return next as RecordOf<T>;
    });
  }

  /**
   * Soft-deletes a record: it keeps a tombstone so the deletion reaches other devices. A record the
   * server refused to create (never acknowledged, every queued change refused) never reached anyone:
   * its refused changes are dropped instead, since a deletion of it would only be refused in turn.
   * Only refused rows qualify: a change still in flight may be applied, and its deletion must follow.
   */
  async function deleteRecord(table: SyncedTable, id: string): Promise<void> {
    await db.transaction('rw', db.table(table), db.outbox, async () => {
      const current = (await db.table(table).get(id)) as Base | undefined;
      if (!current) return;
      const deletedAt = nowIso();
      await db.table(table).put({ ...current, deletedAt, updatedAt: deletedAt });
      const ownRows = await db.outbox.where('[table+recordId]').equals([table, id]).toArray();
      const neverAccepted = !current.serverVersion && ownRows.length > 0 && ownRows.every((row) => row.rejected);
      if (neverAccepted) await db.outbox.bulkDelete(ownRows.map((row) => row.mutationId));
      else await db.outbox.add(outboxRow(table, current, 'delete', { deletedAt }));
    });
  }

  /**
   * Merges one record that came from another device (a mission archive), keeping its `updatedAt`.
   * A record we do not have is added; one we have is replaced only if the incoming copy is newer.
   * Tie-breaker: equal `updatedAt` keeps ours, so importing the same archive twice changes nothing.
   * The change is queued like a local edit, so the server learns of it at the next sync.
   * Call it inside a transaction that covers the table and the outbox (the import is all or nothing).
   */
  async function mergeImportedRecord<T extends SyncedTable>(
    table: T,
    incoming: RecordOf<T>,
  ): Promise<'added' | 'updated' | 'kept'> {
    const current = (await db.table(table).get(incoming.id)) as (RecordOf<T> & Base) | undefined;
    if (!current) {
      await db.table(table).add(incoming);
      const { serverVersion: _ignored, ...fields } = incoming as RecordOf<T> & Base;
      await db.outbox.add(outboxRow(table, incoming as RecordOf<T> & Base, 'put', fields));
      return 'added';
    }
    if ((current as { updatedAt: string }).updatedAt >= (incoming as { updatedAt: string }).updatedAt) return 'kept';
    const changes = changedValues(current, incoming);
    await db.table(table).put({ ...current, ...changes });
    const deleting = Boolean(changes.deletedAt) && !(current as { deletedAt?: string | null }).deletedAt;
    if (deleting) await db.outbox.add(outboxRow(table, current, 'delete', { deletedAt: changes.deletedAt }));
    else await db.outbox.add(outboxRow(table, current, 'put', changes));
    return 'updated';
  }

  return { insertRecord, updateRecord, deleteRecord, mergeImportedRecord };
}

export const { insertRecord, updateRecord, deleteRecord, mergeImportedRecord } = recordWrites(appDb);

/** Fields every new record starts with. */
export function newRecordBase(missionId?: string) {
  const id = newId();
  const now = nowIso();
  return { id, missionId: missionId ?? id, createdAt: now, updatedAt: now, deletedAt: null };
}
