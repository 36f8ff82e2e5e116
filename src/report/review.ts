// A visit note's review state as the report prints it: "Validée par … le …" from the step of the
// review history that validated it (the last one, if it was validated twice), and a visible
// "Non validée" with its state otherwise, so no reader takes a draft for an approved note.
import type { ReviewComment, VisitNote } from '../shared/model';
import { formatDay } from './format';
import { reportLabels as L } from './labels';

export interface ReviewStatus {
  validated: boolean;
  text: string;
}

export function reviewStatus(note: VisitNote, history: readonly ReviewComment[]): ReviewStatus {
  if (note.state !== 'validee') return { validated: false, text: L.notValidated(L.noteStates[note.state]) };
  const step = history
    .filter((c) => c.noteId === note.id && c.toState === 'validee' && !c.deletedAt)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
    .at(-1);
  if (!step) return { validated: true, text: L.validated };
  // Instants are stored in UTC, which is Mali's time: the day is the first ten characters.
  const day = formatDay(step.createdAt.slice(0, 10));
  const by = step.authorName.trim();
  return { validated: true, text: by ? L.validatedBy(by, day) : L.validatedOn(day) };
}
