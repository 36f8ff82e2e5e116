// Search over a mission's notes, as people type on a phone: no accents or capitals needed
// ("segou" finds "Ségou"), every word must appear somewhere in the note or its commune's name.
import type { VisitNoteRow } from '../../../db/repositories/visitNotes';
import type { VisitNote } from '../../../shared/model';

/** Lower case without diacritics, so "Élevage" and "elevage" match. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The start of a text to show in a list, or '' when the note holds something else there. */
export function glimpse(text: unknown, length: number): string {
  return typeof text === 'string' ? text.trim().slice(0, length) : '';
}

const textsOnly = (values: unknown[]) => values.filter((value): value is string => typeof value === 'string');

/**
 * The texts of a note that a search looks into (the screens add their own, e.g. the commune). Only
 * texts: a field holding something else (an older server let such values in) is skipped.
 */
export function noteTexts(note: VisitNote): string[] {
  const lines: unknown[] = Array.isArray(note.achievements) ? note.achievements : [];
  return textsOnly([
    note.peopleMet,
    note.observations,
    note.difficulties,
    note.recommendations,
    ...lines.map((line) =>
      typeof line === 'object' && line !== null ? (line as { activity?: unknown }).activity : null,
    ),
  ]);
}

// Folding thousands of notes on every keystroke is the slow part: remember it per note version.
const folded = new Map<string, { updatedAt: string; text: string }>();

function searchableText(row: VisitNoteRow): string {
  const { note } = row;
  const cached = folded.get(note.id);
  if (cached && cached.updatedAt === note.updatedAt) return cached.text;
  const text = foldText([row.communeName, ...noteTexts(note)].join('\n'));
  folded.set(note.id, { updatedAt: note.updatedAt, text });
  return text;
}

export function searchNotes(rows: readonly VisitNoteRow[], query: string): readonly VisitNoteRow[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((row) => {
    const text = searchableText(row);
    return words.every((word) => text.includes(word));
  });
}
