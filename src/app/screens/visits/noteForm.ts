// The visit note as the form holds it (amounts as the text typed, so "1 250 000" or a typo is kept
// exactly) and back to the record. Autosave sends only the fields changed since the last save, so
// a field another device changed meanwhile is not overwritten by this form's older copy.
import { newId } from '../../../db/ids';
import type { VisitNoteFields } from '../../../db/repositories/visitNotes';
import { ACHIEVEMENT_STATES, type Achievement, type VisitNote } from '../../../shared/model';
import { groupDigits, parseFcfa } from '../../../shared/money';

export interface AchievementLine {
  id: string;
  activity: string;
  planned: string;
  spent: string;
  state: Achievement['state'];
}

export interface NoteFormValues {
  visitDate: string;
  authorIds: string[];
  peopleMet: string;
  observations: string;
  difficulties: string;
  recommendations: string;
  achievements: AchievementLine[];
}

export const NOTE_FIELDS = [
  'visitDate',
  'authorIds',
  'peopleMet',
  'observations',
  'difficulties',
  'recommendations',
  'achievements',
] as const satisfies readonly (keyof NoteFormValues)[];
export type NoteField = (typeof NOTE_FIELDS)[number];

const amountText = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? groupDigits(value) : '');

// A stored note may hold values no form expects (an older server let them in, and a device's
// database can hold anything): the form reads what it can and shows the rest as empty, so the note
// stays editable. Nothing is written back unless the person changes that very field.
const textOf = (value: unknown) => (typeof value === 'string' ? value : '');
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** A stored line as the form holds it, or null for an item that is not a line at all (e.g. null). */
function lineOf(item: unknown): AchievementLine | null {
  if (!isObject(item) || typeof item.id !== 'string') return null;
  const state = ACHIEVEMENT_STATES.find((s) => s === item.state) ?? 'en_cours';
  return {
    id: item.id,
    activity: textOf(item.activity),
    planned: amountText(item.plannedFcfa),
    spent: amountText(item.spentFcfa),
    state,
  };
}

export function toFormValues(note: VisitNote): NoteFormValues {
  return {
    visitDate: textOf(note.visitDate),
    authorIds: listOf(note.authorIds).filter((id): id is string => typeof id === 'string'),
    peopleMet: textOf(note.peopleMet),
    observations: textOf(note.observations),
    difficulties: textOf(note.difficulties),
    recommendations: textOf(note.recommendations),
    achievements: listOf(note.achievements).flatMap((item) => lineOf(item) ?? []),
  };
}

export function emptyAchievementLine(): AchievementLine {
  return { id: newId(), activity: '', planned: '', spent: '', state: 'en_cours' };
}

/** An amount as stored: what was typed if it reads as an amount, else the stored value is kept (if it is one). */
function amountOf(typed: string, previous: unknown): number | null {
  const parsed = parseFcfa(typed);
  if (parsed.ok) return parsed.value;
  return typeof previous === 'number' && Number.isFinite(previous) ? previous : null;
}

export function toAchievements(lines: readonly AchievementLine[], stored: readonly Achievement[]): Achievement[] {
  const before = new Map(listOf(stored).flatMap((a) => (isObject(a) ? [[a.id, a as Achievement] as const] : [])));
  return lines.map((line) => ({
    id: line.id,
    activity: line.activity,
    plannedFcfa: amountOf(line.planned, before.get(line.id)?.plannedFcfa),
    spentFcfa: amountOf(line.spent, before.get(line.id)?.spentFcfa),
    state: line.state,
  }));
}

/** The fields whose form value differs between two snapshots. */
export function changedFields(before: NoteFormValues, after: NoteFormValues): NoteField[] {
  return NOTE_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/** The record patch for the given fields of the form. */
export function toPatch(
  values: NoteFormValues,
  fields: readonly NoteField[],
  stored: VisitNote,
): Partial<VisitNoteFields> {
  const patch: Partial<VisitNoteFields> = {};
  for (const field of fields) {
    if (field === 'achievements') patch.achievements = toAchievements(values.achievements, stored.achievements);
    else if (field === 'authorIds') patch.authorIds = [...values.authorIds];
    else patch[field] = values[field];
  }
  return patch;
}

/** Each note field of a stored record as JSON, to tell which fields a new copy of the record changed. */
export type StoredFieldsJson = Record<NoteField, string>;

export function storedFieldsJson(note: VisitNote): StoredFieldsJson {
  return Object.fromEntries(NOTE_FIELDS.map((field) => [field, JSON.stringify(note[field])])) as StoredFieldsJson;
}

/**
 * The fields an open form should take from a new copy of its note (another device's change, come
 * with a pull): those whose stored value is neither what the form knew nor what it wrote itself,
 * and where the form holds no unsaved typing. Typing is never replaced: its save follows, and the
 * server keeps both values if the field changed on both devices.
 */
export function fieldsToRefresh(
  note: VisitNote,
  known: StoredFieldsJson,
  lastSaved: NoteFormValues,
  current: NoteFormValues,
): NoteField[] {
  const incoming = toFormValues(note);
  return NOTE_FIELDS.filter(
    (field) =>
      JSON.stringify(note[field]) !== known[field] &&
      JSON.stringify(incoming[field]) !== JSON.stringify(lastSaved[field]) &&
      JSON.stringify(current[field]) === JSON.stringify(lastSaved[field]),
  );
}
