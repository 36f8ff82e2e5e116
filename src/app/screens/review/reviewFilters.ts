// The review screen's filters (mission, commune, author, state) and search, as pure functions over
// the rows, so the screen stays a view and the rules are tested without a browser.
import type { ReviewRow } from '../../../db/repositories/review';
import type { NoteState } from '../../../shared/model';
import { foldText, noteTexts } from '../visits/searchNotes';

export interface ReviewFilters {
  missionId: string;
  commune: string;
  author: string;
  state: NoteState | '';
  query: string;
}

export const NO_FILTERS: ReviewFilters = { missionId: '', commune: '', author: '', state: '', query: '' };

function searchable(row: ReviewRow): string {
  return foldText([row.communeName, row.missionTitle, ...row.authorNames, ...noteTexts(row.note)].join('\n'));
}

/** The rows that pass every filter and contain every word of the query (no accents or capitals needed). */
export function filterRows(rows: readonly ReviewRow[], filters: ReviewFilters): ReviewRow[] {
  const words = foldText(filters.query).split(/\s+/).filter(Boolean);
  return rows.filter(
    (row) =>
      (!filters.missionId || row.note.missionId === filters.missionId) &&
      (!filters.commune || row.communeName === filters.commune) &&
      (!filters.author || row.authorNames.includes(filters.author)) &&
      (!filters.state || row.note.state === filters.state) &&
      (words.length === 0 || words.every((word) => searchable(row).includes(word))),
  );
}

const byName = (a: string, b: string) => a.localeCompare(b, 'fr');

/** The choices each filter offers: what the notes hold (communes of the chosen mission only). */
export function filterOptions(rows: readonly ReviewRow[], missionId: string) {
  const missions = new Map<string, string>();
  const communes = new Set<string>();
  const authors = new Set<string>();
  for (const row of rows) {
    missions.set(row.note.missionId, row.missionTitle);
    if (missionId && row.note.missionId !== missionId) continue;
    if (row.communeName) communes.add(row.communeName);
    for (const name of row.authorNames) authors.add(name);
  }
  return {
    missions: [...missions].map(([id, title]) => ({ id, title })).sort((a, b) => byName(a.title, b.title)),
    communes: [...communes].sort(byName),
    authors: [...authors].sort(byName),
  };
}
