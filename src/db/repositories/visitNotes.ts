// Visit notes, one per commune visit (communes and participants have their own repositories). Kept in
// IndexedDB (db.visitNotes) and written only through the mutation layer, so every autosave is also
// queued in the outbox for the server. A validated note is read-only here, whatever the screen does.
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { GpsPoint, VisitNote } from '../../shared/model';
import { NoteReadOnlyError } from '../errors';
import { insertRecord, newRecordBase, updateRecord } from '../mutations';
import { db } from '../schema';

/** The fields a member edits on the note screen. */
export type VisitNoteFields = Pick<
  VisitNote,
  'visitDate' | 'authorIds' | 'peopleMet' | 'observations' | 'difficulties' | 'recommendations' | 'achievements'
>;

export const isReadOnly = (note: Pick<VisitNote, 'state'>) => note.state === 'validee';

const inMission = (missionId: string) => [
  [missionId, Dexie.minKey],
  [missionId, Dexie.maxKey],
];

export interface VisitNoteRow {
  note: VisitNote;
  communeName: string;
}

/** Enough rows to fill a phone's screen, read first so the list shows before thousands are read. */
const FIRST_SCREEN_ROWS = 30;

async function loadRows(missionId: string, limit?: number): Promise<VisitNoteRow[]> {
  const [from, to] = inMission(missionId);
  let query = db.visitNotes.where('[missionId+updatedAt]').between(from, to, true, true).reverse();
  if (limit) query = query.filter((n) => !n.deletedAt).limit(limit);
  const [notes, communes] = await Promise.all([
    query.toArray(),
    db.communes.where('missionId').equals(missionId).toArray(),
  ]);
  const names = new Map(communes.map((c) => [c.id, c.name]));
  return notes.filter((n) => !n.deletedAt).map((note) => ({ note, communeName: names.get(note.communeId) ?? '' }));
}

/**
 * The mission's notes, the most recently changed first, each with its commune's name. `complete`
 * is false while only the first screenful is loaded (the full list follows, for scrolling and search).
 */
export function useVisitNoteRows(missionId: string): { rows: VisitNoteRow[]; complete: boolean } | undefined {
  const head = useLiveQuery(() => loadRows(missionId, FIRST_SCREEN_ROWS), [missionId]);
  // The full read starts once the first screen is painted: decoding thousands of records would
  // otherwise hold the UI thread before anything shows.
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!head || painted) return;
    const timer = setTimeout(() => setPainted(true), 0);
    return () => clearTimeout(timer);
  }, [head, painted]);
  const all = useLiveQuery(() => (painted ? loadRows(missionId) : null), [missionId, painted]);
  if (all) return { rows: all, complete: true };
  return head && { rows: head, complete: head.length < FIRST_SCREEN_ROWS };
}

/** One note: undefined while loading, null when it does not exist (or was deleted). */
export function useVisitNote(noteId: string): VisitNote | null | undefined {
  return useLiveQuery(async () => {
    const note = await db.visitNotes.get(noteId);
    return note && !note.deletedAt ? note : null;
  }, [noteId]);
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Starts a draft note for a commune, dated on the commune's planned day when the itinerary has one
 * (notes are often typed up that evening or later), today otherwise.
 */
export async function createVisitNote(missionId: string, communeId: string): Promise<VisitNote> {
  const commune = await db.communes.get(communeId);
  return insertRecord('visitNotes', {
    ...newRecordBase(missionId),
    communeId,
    visitDate: commune?.plannedDate || today(),
    authorIds: [],
    peopleMet: '',
    observations: '',
    difficulties: '',
    recommendations: '',
    achievements: [],
    gps: null,
    state: 'brouillon',
  });
}

/** Writes the fields that changed (the mutation layer skips the others). Refused on a validated note. */
export async function saveVisitNote(noteId: string, patch: Partial<VisitNoteFields> | { gps: GpsPoint | null }) {
  return db.transaction('rw', db.visitNotes, db.outbox, async () => {
    const note = await db.visitNotes.get(noteId);
    if (!note) throw new Error('note-not-found');
    if (isReadOnly(note)) throw new NoteReadOnlyError();
    return updateRecord('visitNotes', noteId, patch);
  });
}
