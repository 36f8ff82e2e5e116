import { describe, expect, it } from 'vitest';
import { archiveFileName, csvFileName, reportFileName, slugOf, xlsxFileName } from '../../../src/report/fileNames';
import { SHEET_NAMES } from '../../../src/report/sheets/names';

const LONG_TITLE = 'Visite de terrain du comité technique de suivi du projet d’appui aux communes de Mopti';

describe('export file names', () => {
  it('names every spreadsheet table in French', () => {
    const names = SHEET_NAMES.map((sheet) => csvFileName('Mission', sheet));
    expect(names).toEqual([
      'notes-de-visite-mission.csv',
      'realisations-mission.csv',
      'participants-mission.csv',
      'points-d-action-mission.csv',
    ]);
  });

  it('cuts a long title at a word boundary, never mid-word, and never leaves a dash before the extension', () => {
    const slug = slugOf(LONG_TITLE);
    expect(slug.length).toBeLessThanOrEqual(60);
    // The whole title's slug goes on with a dash right after the cut: a word boundary. A lone
    // elided letter ("d’" of "d’appui") is not left at the end either.
    expect(slug).toBe('visite-de-terrain-du-comite-technique-de-suivi-du-projet');
    for (const name of [reportFileName(LONG_TITLE, 'docx'), xlsxFileName(LONG_TITLE), archiveFileName(LONG_TITLE)]) {
      expect(name).not.toMatch(/-\./);
    }
  });

  it('keeps a single word longer than the limit (cut, as there is no boundary)', () => {
    expect(slugOf('a'.repeat(80))).toBe('a'.repeat(60));
  });

  it('falls back to "mission" when nothing readable is left', () => {
    expect(slugOf('« — »')).toBe('mission');
  });
});
