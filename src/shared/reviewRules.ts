// The review of visit notes, as one set of rules for both sides: the app offers only these steps
// (src/db/repositories/review.ts) and the server refuses anything else (src/server/sync/policies.ts).
// No zod here (types only): the review screens import it without the model.
import type { NoteState } from './model';
import type { Role } from './protocol';

/** Coordinators and administrators review notes; members write them. */
export const isReviewer = (role: Role | undefined): boolean => role === 'coordinator' || role === 'admin';

/** Each review step: the states it starts from, the state it leads to, who may take it, whether it needs a comment. */
export const REVIEW_ACTIONS = {
  submit: { from: ['brouillon', 'a_revoir'], to: 'soumise', reviewer: false, needsText: false },
  requestChanges: { from: ['soumise'], to: 'a_revoir', reviewer: true, needsText: true },
  validate: { from: ['soumise'], to: 'validee', reviewer: true, needsText: false },
  reopen: { from: ['validee'], to: 'a_revoir', reviewer: true, needsText: true },
} as const satisfies Record<
  string,
  { from: readonly NoteState[]; to: NoteState; reviewer: boolean; needsText: boolean }
>;
export type ReviewAction = keyof typeof REVIEW_ACTIONS;
const ACTIONS = Object.keys(REVIEW_ACTIONS) as ReviewAction[];

const startsFrom = (action: ReviewAction, state: NoteState) =>
  (REVIEW_ACTIONS[action].from as readonly NoteState[]).includes(state);
const allowedTo = (action: ReviewAction, role: Role | undefined) =>
  !REVIEW_ACTIONS[action].reviewer || isReviewer(role);

/** The steps `role` may take on a note in `state`, in the order the screen offers them. */
export function availableActions(state: NoteState, role: Role | undefined): ReviewAction[] {
  return ACTIONS.filter((action) => startsFrom(action, state) && allowedTo(action, role));
}

/** Whether `role` may move a note from one state to another (a new note counts as coming from `brouillon`). */
export function mayChangeState(role: Role | undefined, from: NoteState, to: NoteState): boolean {
  return ACTIONS.some(
    (action) => startsFrom(action, from) && REVIEW_ACTIONS[action].to === to && allowedTo(action, role),
  );
}

/** A validated note is read-only for members: nothing of it may change (deletion included) until a reviewer reopens it. */
export function isNoteReadOnlyFor(state: NoteState, role: Role | undefined): boolean {
  return state === 'validee' && !isReviewer(role);
}

/** States that record a reviewer's decision: a history step leading to one may only be written by a reviewer. */
export const REVIEWER_DECISIONS: readonly NoteState[] = ACTIONS.filter((a) => REVIEW_ACTIONS[a].reviewer).map(
  (a) => REVIEW_ACTIONS[a].to,
);
