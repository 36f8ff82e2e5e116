// Turns the outbox into the mutations a push sends. Autosave writes one outbox row per pause in
// typing, so a note edited for ten minutes is dozens of rows: adjacent rows of one record travel as
// one mutation, which keeps pushes small on 2G.
//
// Why squashing is safe:
// - Values: rows are merged in outbox order, later values win: the same end state as sending them
//   one by one.
// - baseVersion of the FIRST row: the server checks every field against the oldest version these
//   edits were made on, so a concurrent edit on another device is never missed (it may only be
//   seen as a conflict sooner).
// - mutationId of the LAST row: if an answer is lost, the same rows are still in the outbox and
//   squash to the same id, so the server answers `duplicate` instead of applying twice. If a new
//   row was added meanwhile, the id changes and the server applies the group again: re-setting a
//   value it already holds changes nothing (a field whose value is unchanged keeps its version).
// - Refused rows are never sent automatically and break a run. A row sent again after a refusal
//   ("Réessayer", `retried`) travels alone: merged into its neighbours it could borrow the id of a
//   group the server already applied and be acknowledged as `duplicate` without ever being applied.
import type { OutboxEntry } from '../db/schema';
import { PUSH_BATCH_MAX_MUTATIONS, REQUEST_MAX_BYTES } from '../shared/constants';
import type { Mutation } from '../shared/protocol';

export interface SquashedMutation {
  mutation: Mutation;
  /** The outbox rows this mutation carries: deleted together once the server acknowledges it. */
  rowIds: string[];
}

function start(row: OutboxEntry): SquashedMutation {
  const { mutationId, table, recordId, missionId, op, changes, baseVersion } = row;
  return {
    mutation: { mutationId, table, recordId, missionId, op, changes: { ...changes }, baseVersion },
    rowIds: [mutationId],
  };
}

/** Rows in outbox order -> mutations in the same order, adjacent rows of one record merged. */
export function squashOutbox(rows: readonly OutboxEntry[]): SquashedMutation[] {
  const squashed: SquashedMutation[] = [];
  let open: SquashedMutation | null = null;
  for (const row of rows) {
    if (row.rejected) {
      open = null;
      continue;
    }
    if (open && !row.retried && open.mutation.table === row.table && open.mutation.recordId === row.recordId) {
      const m = open.mutation;
      Object.assign(m.changes, row.changes);
      m.mutationId = row.mutationId;
      // A soft delete is a field (deletedAt): a group that also sets other fields goes as a put.
      m.op = m.op === 'delete' && row.op === 'delete' ? 'delete' : 'put';
      open.rowIds.push(row.mutationId);
      continue;
    }
    open = start(row);
    squashed.push(open);
    if (row.retried) open = null;
  }
  return squashed;
}

/** Bodies stay well under the server's limit even before compression. */
const BATCH_MAX_JSON_BYTES = Math.floor(REQUEST_MAX_BYTES / 2);

/** Cuts the mutations into push batches, bounded in count and in (uncompressed) JSON size. */
export function intoBatches(
  mutations: readonly SquashedMutation[],
  maxCount = PUSH_BATCH_MAX_MUTATIONS,
  maxBytes = BATCH_MAX_JSON_BYTES,
): SquashedMutation[][] {
  const batches: SquashedMutation[][] = [];
  let batch: SquashedMutation[] = [];
  let bytes = 0;
  for (const item of mutations) {
    const size = JSON.stringify(item.mutation).length;
    if (batch.length > 0 && (batch.length >= maxCount || bytes + size > maxBytes)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(item);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
