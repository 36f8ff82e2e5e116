// Turns a table copied from Word, Excel or LibreOffice (tab-separated rows) or read from a CSV file
// into rows of clean cells. Pure, no DOM: the same code reads pastes in the app and files anywhere.
import Papa from 'papaparse';

export type TableSource = 'paste' | 'csv';

/** The seed's participant table has six columns: N°, names, function, organisation, phone, e-mail. */
export const PARTICIPANT_COLUMNS = 6;

/** Whitespace of any kind (no-break spaces from Word, line breaks inside a cell) becomes one space. */
export function cleanCell(value: string): string {
  return value.replace(/[\s\u00a0\u202f\u200b]+/g, ' ').trim();
}

/**
 * Rows of trimmed cells, empty rows dropped. Pasted text is split on tabs, as every office suite
 * copies tables; Excel quotes a cell holding a line break, which Papa Parse understands. A pasted
 * row that has fewer cells than the table (text aligned with spaces in Word, or a cell padded with
 * spaces) is also split on runs of two or more spaces. CSV files may use `,` or `;` (French Excel).
 */
export function splitRows(text: string, source: TableSource): string[][] {
  const normalised = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const result = Papa.parse<string[]>(normalised, {
    delimiter: source === 'paste' ? '\t' : '',
    delimitersToGuess: [';', ',', '\t'],
    skipEmptyLines: 'greedy',
  });
  return result.data
    .map((row) => (source === 'paste' && row.length < PARTICIPANT_COLUMNS ? splitOnSpaceRuns(row) : row))
    .map(trimTrailingEmpty)
    .filter((row) => row.length > 0);
}

function splitOnSpaceRuns(row: string[]): string[] {
  return row.flatMap((cell) => cell.trim().split(/[ \u00a0]{2,}/)).map(cleanCell);
}

function trimTrailingEmpty(row: string[]): string[] {
  const cells = row.map(cleanCell);
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

/** Back to one tab-separated line, to give rows that were not imported back to the person. */
export function toTsvLine(cells: readonly string[]): string {
  return cells.join('\t');
}
