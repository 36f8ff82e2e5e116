// How a record from the server lands on the device. The server's copy is the base, and the fields
// of any outbox row of that record not yet acknowledged (pending or refused) are laid on top, in
// outbox order: a local change stays visible until the server has it, whatever arrives meanwhile.
import type { OutboxEntry } from '../db/schema';
import type { ServerRecord } from '../shared/protocol';

export type StoredRecord = Record<string, unknown> & { id: string; missionId: string; serverVersion: number };

export function mergeServerRecord(server: ServerRecord, localRows: readonly OutboxEntry[]): StoredRecord {
  const merged: Record<string, unknown> = { ...server.data };
  const rows = [...localRows].sort((a, b) => (a.mutationId < b.mutationId ? -1 : 1));
  for (const row of rows) Object.assign(merged, row.changes);
  return { ...merged, id: server.id, missionId: server.missionId, serverVersion: server.version };
}

/**
 * Whether a server copy may replace what the device holds: never go back to an older version
 * (a page or an answer that arrives late must not undo a newer one already stored).
 */
export function isNewerThanLocal(server: ServerRecord, local: { serverVersion?: number } | undefined): boolean {
  return !local || (local.serverVersion ?? 0) <= server.version;
}
