// The review of visit notes: state changes (submit, ask for changes, validate, reopen) and the
// settlement of conflicts. Each is written through the mutation layer in ONE transaction with its
// trace: a state change with its reviewComments record (the note's history: who, when, from, to,
// why), a settled conflict with the chosen value. Both sync like any record, to every device.
import { useLiveQuery } from 'dexie-react-hooks';
import { TEXT_MAX } from '../../shared/fieldLimits';
import type { Conflict, NoteState, ReviewComment, SyncedTable, VisitNote } from '../../shared/model';
import type { Role } from '../../shared/protocol';
import { isNoteReadOnlyFor, isReviewer, REVIEW_ACTIONS, type ReviewAction } from '../../shared/reviewRules';
import { nowIso } from '../ids';
import { insertRecord, newRecordBase, updateRecord } from '../mutations';
import { db } from '../schema';
import { readSession } from './sync';

export type ReviewErrorCode =
  | 'note-not-found'
  | 'transition-not-allowed'
  | 'not-reviewer'
  | 'comment-required'
  | 'comment-too-long'
  | 'conflict-not-found'
  | 'note-read-only';

/** A refused review action; the screens show its code as a French message. */
export class ReviewError extends Error {
  constructor(readonly code: ReviewErrorCode) {
    super(code);
  }
}

// The rules are the server's own (src/shared/reviewRules.ts), so the app offers only what the
// server will accept; the server stays the judge (a refused change stays visible with its reason).
export { availableActions, isReviewer, type ReviewAction } from '../../shared/reviewRules';

export const COMMENT_MAX_CHARS = TEXT_MAX.reviewComment;

/** The settings key of the name a person typed to sign TdR revisions (tdr.ts), used when nobody is logged in. */
const WHO_SETTING_KEY = 'who';

/** Who acts on this device: the stored session's name and role, else a member with the name kept in the settings. */
async function who(): Promise<{ name: string; role: Role }> {
  const session = await readSession();
  if (session) return { name: session.user.name, role: session.user.role };
  const typed = (await db.settings.get(WHO_SETTING_KEY))?.value;
  return { name: typeof typed === 'string' ? typed : '', role: 'member' };
}

export const commentRequired = (action: ReviewAction) => REVIEW_ACTIONS[action].needsText;

/** Moves a note to its next state and records the step (and the comment) in its history. */
export async function changeNoteState(noteId: string, action: ReviewAction, text = ''): Promise<ReviewComment> {
  const rule = REVIEW_ACTIONS[action];
  const comment = text.trim();
  if (rule.needsText && comment === '') throw new ReviewError('comment-required');
  if (comment.length > COMMENT_MAX_CHARS) throw new ReviewError('comment-too-long');
  const actor = await who();
  if (rule.reviewer && !isReviewer(actor.role)) throw new ReviewError('not-reviewer');
  return db.transaction('rw', db.visitNotes, db.reviewComments, db.outbox, async () => {
    const note = await db.visitNotes.get(noteId);
    if (!note || note.deletedAt) throw new ReviewError('note-not-found');
    if (!(rule.from as readonly NoteState[]).includes(note.state)) throw new ReviewError('transition-not-allowed');
    await updateRecord('visitNotes', noteId, { state: rule.to });
    return insertRecord('reviewComments', {
      ...newRecordBase(note.missionId),
      noteId,
      authorName: actor.name,
      text: comment,
      fromState: note.state,
      toState: rule.to,
    });
  });
}

export const submitNote = (noteId: string, text = '') => changeNoteState(noteId, 'submit', text);
export const requestChanges = (noteId: string, text: string) => changeNoteState(noteId, 'requestChanges', text);
export const validateNote = (noteId: string, text = '') => changeNoteState(noteId, 'validate', text);
export const reopenNote = (noteId: string, text: string) => changeNoteState(noteId, 'reopen', text);

/**
 * Settles a conflict with the value a person chose (one side, or a text merged by hand): the
 * record's field takes it and the conflict is marked settled, in one transaction. The field goes
 * out with the device's current server version as its base, so the server applies it without
 * seeing a new conflict, and every device ends with the chosen value.
 */
export async function resolveConflict(conflictId: string, value: unknown): Promise<void> {
  const actor = await who();
  const found = await db.conflicts.get(conflictId);
  if (!found || found.deletedAt) throw new ReviewError('conflict-not-found');
  const table = found.table as SyncedTable;
  await db.transaction('rw', [db.conflicts, db.table(table), db.outbox], async () => {
    const conflict = await db.conflicts.get(conflictId);
    if (!conflict) throw new ReviewError('conflict-not-found');
    if (conflict.resolvedAt) return; // settled meanwhile (by someone else, through sync)
    const record = await db.table(table).get(conflict.recordId);
    if (!record) throw new ReviewError('note-not-found');
    if (table === 'visitNotes' && isNoteReadOnlyFor(record.state, actor.role)) {
      throw new ReviewError('note-read-only');
    }
    await updateRecord(table, conflict.recordId, { [conflict.field]: value });
    await updateRecord('conflicts', conflictId, {
      resolvedAt: nowIso(),
      resolvedBy: actor.name,
    } satisfies Partial<Conflict>);
  });
}

// ---- reads for the screens (live queries) ----------------------------------------------------

/** Notes waiting for a coordinator (state soumise), for the badge of the main menu. */
export function useSubmittedCount(): number | undefined {
  return useLiveQuery(() =>
    db.visitNotes
      .where('state')
      .equals('soumise')
      .filter((n) => !n.deletedAt)
      .count(),
  );
}

export interface ReviewRow {
  note: VisitNote;
  communeName: string;
  missionTitle: string;
  /** The note's authors, by the names of the mission's participants. */
  authorNames: string[];
}

/** Every note on the device (so every note of the user's missions), the most recently changed first. */
export function useReviewRows(): ReviewRow[] | undefined {
  return useLiveQuery(async () => {
    const [notes, communes, missions, people] = await Promise.all([
      db.visitNotes.orderBy('updatedAt').reverse().toArray(),
      db.communes.toArray(),
      db.missions.toArray(),
      db.participants.toArray(),
    ]);
    const communeNames = new Map(communes.map((c) => [c.id, c.name]));
    const titles = new Map(missions.map((m) => [m.id, m.title]));
    const names = new Map(people.filter((p) => !p.deletedAt).map((p) => [p.id, p.fullName]));
    return notes
      .filter((note) => !note.deletedAt && titles.has(note.missionId))
      .map((note) => ({
        note,
        communeName: communeNames.get(note.communeId) ?? '',
        missionTitle: titles.get(note.missionId) ?? '',
        // Read defensively: a pulled note may hold anything an older server let in.
        authorNames: (Array.isArray(note.authorIds) ? note.authorIds : []).flatMap((id) => names.get(id) ?? []),
      }));
  });
}

export interface NoteReview {
  /** Every step of the note's review, oldest first. */
  history: ReviewComment[];
  /** Conflicts of the note's fields not settled yet. */
  conflicts: Conflict[];
  /** Review changes the server refused, with its reason (they stay on the device). */
  refused: { code: string; message: string }[];
}

export function useNoteReview(noteId: string): NoteReview | undefined {
  return useLiveQuery(async () => {
    const [history, conflicts, outbox] = await Promise.all([
      db.reviewComments.where('noteId').equals(noteId).sortBy('createdAt'),
      db.conflicts.where('[table+recordId]').equals(['visitNotes', noteId]).toArray(),
      db.outbox.filter((row) => Boolean(row.rejected)).toArray(),
    ]);
    const mine = new Set([noteId, ...history.map((c) => c.id)]);
    return {
      history: history.filter((c) => !c.deletedAt),
      conflicts: conflicts.filter((c) => !c.resolvedAt && !c.deletedAt),
      refused: outbox.filter((row) => mine.has(row.recordId)).flatMap((row) => row.rejected ?? []),
    };
  }, [noteId]);
}

export interface OpenConflict {
  conflict: Conflict;
  missionTitle: string;
  /** What the record is, in its own words (a commune's name, a participant's name…). */
  recordLabel: string;
  /** The visit note the conflict belongs to (a note's field, or one of its photos), if any. */
  noteId: string | null;
}

/** The field that names a record of each table, to tell people which record a conflict is about. */
const LABEL_FIELDS: Record<string, string> = {
  missions: 'title',
  participants: 'fullName',
  communes: 'name',
  actionPoints: 'point',
  photos: 'caption',
  reviewComments: 'text',
};

/** Conflicts waiting for a person, across the device's missions, the oldest first. */
export function useOpenConflicts(): OpenConflict[] | undefined {
  return useLiveQuery(async () => {
    const open = (await db.conflicts.toArray()).filter((c) => !c.resolvedAt && !c.deletedAt);
    const missions = new Map((await db.missions.toArray()).map((m) => [m.id, m.title]));
    const result: OpenConflict[] = [];
    for (const conflict of open.sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)))) {
      // A record id that is no text cannot be looked up (IndexedDB would refuse the key).
      const known = db.tables.some((t) => t.name === conflict.table) && typeof conflict.recordId === 'string';
      const record = known
        ? ((await db.table(conflict.table).get(conflict.recordId)) as Record<string, unknown>)
        : null;
      let recordLabel = String(record?.[LABEL_FIELDS[conflict.table]] ?? '');
      let noteId: string | null = null;
      if (conflict.table === 'visitNotes' && record) {
        noteId = conflict.recordId;
        recordLabel = (await db.communes.get(String(record.communeId)))?.name ?? '';
      }
      if (conflict.table === 'photos' && record) noteId = String(record.noteId);
      result.push({ conflict, missionTitle: missions.get(conflict.missionId) ?? '', recordLabel, noteId });
    }
    return result;
  });
}
