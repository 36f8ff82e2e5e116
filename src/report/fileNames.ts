// File names of the exports: readable French, without accents or spaces, so they survive a USB stick,
// a messaging app and any operating system ("compte-rendu-visite-de-terrain.pdf").
import type { SheetName } from './sheets/names';

const SLUG_MAX = 60;

/** Lower case, no accents, words joined by dashes; a long title is cut after a whole word. */
export function slugOf(title: string): string {
  const full = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return cutAtWord(full) || 'mission';
}

function cutAtWord(slug: string): string {
  if (slug.length <= SLUG_MAX) return slug;
  // The cut falls on a dash when the next character is one; otherwise back to the last dash.
  const head = slug.slice(0, SLUG_MAX + 1);
  const lastDash = head.lastIndexOf('-');
  if (lastDash <= 0) return slug.slice(0, SLUG_MAX); // one long word: nothing better to do
  // An elided letter left alone at the end ("…du-projet-d" of "d’appui") reads as a cut too.
  return head.slice(0, lastDash).replace(/-[a-z]$/, '');
}

/** The spreadsheet tables as a French reader names them. */
const SHEET_FILE_WORDS: Record<SheetName, string> = {
  notes: 'notes-de-visite',
  achievements: 'realisations',
  participants: 'participants',
  actionPoints: 'points-d-action',
};

export const reportFileName = (title: string, ext: 'docx' | 'pdf') => `compte-rendu-${slugOf(title)}.${ext}`;
export const csvFileName = (title: string, sheet: SheetName) => `${SHEET_FILE_WORDS[sheet]}-${slugOf(title)}.csv`;
export const xlsxFileName = (title: string) => `tableaux-${slugOf(title)}.xlsx`;
export const archiveFileName = (title: string) => `mission-${slugOf(title)}.zip`;
