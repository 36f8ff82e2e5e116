// CSV as French Excel opens it with a double click: UTF-8 with a byte-order mark (or accents are
// garbled), `;` between fields (`,` is the decimal mark), CRLF line ends, dates as 22/07/2024,
// decimals with a comma, amounts as plain whole numbers so they stay numbers.

import type { BuildOptions, MissionBundle } from '../bundle';
import { formatDay } from '../format';
import { buildTables, type CellValue, type ColumnKind, type SheetName, type SheetTable } from './tables';

const BOM = '\uFEFF';

function quote(text: string): string {
  // A text starting with = + - @ would be run as a formula by a spreadsheet (CSV injection): the
  // leading apostrophe keeps it text. It catches phones (+223…) too, which would otherwise show an error.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function field(value: CellValue, kind: ColumnKind): string {
  if (value === null || value === '') return '';
  if (kind === 'rate' && typeof value === 'number') return (Math.round(value * 1000) / 10).toString().replace('.', ',');
  if (typeof value === 'number') return Math.round(value).toString();
  if (kind === 'day') return formatDay(value);
  return quote(value);
}

export function tableToCsv(table: SheetTable): string {
  const lines = [
    table.columns.map((c) => quote(c.header)).join(';'),
    ...table.rows.map((row) => row.map((v, i) => field(v, table.columns[i].kind)).join(';')),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export function csvBytes(table: SheetTable): Uint8Array {
  return new TextEncoder().encode(tableToCsv(table));
}

/** One table of the mission as a CSV file. */
export function buildCsv(bundle: MissionBundle, sheet: SheetName, options: BuildOptions = {}): Uint8Array {
  return csvBytes(buildTables(bundle, options)[sheet]);
}
