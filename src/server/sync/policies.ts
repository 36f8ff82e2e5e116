// Per-table rules a mutation must pass after merging and before it is written: the place where
// business rules refuse a change with a code (the device keeps the change, visible, with the reason).
// Visit notes follow the review workflow, whose history (reviewComments) is append-only; conflicts
// are made by the server and only settled by people.
import type { NoteState, SyncedTable } from '../../shared/model';
import type { User } from '../../shared/protocol';
import { isNoteReadOnlyFor, isReviewer, mayChangeState, REVIEWER_DECISIONS } from '../../shared/reviewRules';

export interface PolicyInput {
  user: User;
  table: SyncedTable;
  op: 'put' | 'delete';
  /** The server's record before the mutation (null: a new record). */
  before: Record<string, unknown> | null;
  /** The record as it would be written. */
  after: Record<string, unknown>;
  /** Fields whose value changes. */
  changed: string[];
  /** Fields that would become conflicts (the pushed value kept beside the server's). */
  conflicted: string[];
}

export type PolicyRefusal = { code: 'forbidden' | 'read-only' | 'forbidden-transition' };
type Policy = (input: PolicyInput) => PolicyRefusal | null;

// The review rules themselves are shared with the app: src/shared/reviewRules.ts.
const visitNotes: Policy = ({ user, before, after, changed, conflicted }) => {
  // A new note starts as a draft: creating it in another state is a transition from brouillon.
  const from = (before?.state as NoteState | undefined) ?? 'brouillon';
  const to = after.state as NoteState;
  if (isNoteReadOnlyFor(from, user.role) && changed.length + conflicted.length > 0) return { code: 'read-only' };
  if (from === to) return null;
  return mayChangeState(user.role, from, to) ? null : { code: 'forbidden-transition' };
};

/** Only the settlement of a conflict may be pushed; its values are the server's record of both sides. */
const SETTLEMENT_FIELDS = new Set(['resolvedAt', 'resolvedBy', 'updatedAt']);
const conflicts: Policy = ({ before, changed, conflicted }) => {
  if (!before) return { code: 'forbidden' };
  return [...changed, ...conflicted].every((field) => SETTLEMENT_FIELDS.has(field)) ? null : { code: 'forbidden' };
};

/**
 * Review comments are the notes' history: written once, never changed, and a coordinator's
 * decision (sent back, validated) may only be recorded by a coordinator, so a refused state change
 * cannot leave a false step in the history.
 */
const REVIEWER_STEPS = new Set<unknown>(REVIEWER_DECISIONS);
const reviewComments: Policy = ({ user, before, after, changed, conflicted }) => {
  const edits = [...changed, ...conflicted].filter((field) => field !== 'updatedAt');
  if (before) return edits.length > 0 ? { code: 'forbidden' } : null;
  return REVIEWER_STEPS.has(after.toState) && !isReviewer(user.role) ? { code: 'forbidden' } : null;
};

const policies: Partial<Record<SyncedTable, Policy>> = { visitNotes, conflicts, reviewComments };

export function checkPolicy(input: PolicyInput): PolicyRefusal | null {
  return policies[input.table]?.(input) ?? null;
}
