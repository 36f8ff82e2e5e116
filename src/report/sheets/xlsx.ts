// The four tables as one Excel workbook (.xlsx), a sheet each, with real numbers and dates so
// totals and filters work: amounts as whole numbers, rates as percentages, days as dates.
import writeXlsxFile, { type Cell, type Sheet } from 'write-excel-file/universal';
import type { BuildOptions, MissionBundle } from '../bundle';
import { buildTables, type CellValue, type ColumnKind, SHEET_NAMES, type SheetTable } from './tables';

function cell(value: CellValue, kind: ColumnKind): Cell {
  if (value === null || value === '') return null;
  if (kind === 'money' && typeof value === 'number') return { value, type: Number, format: '#,##0' };
  if (kind === 'rate' && typeof value === 'number') return { value, type: Number, format: '0.0%' };
  if (kind === 'day' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return { value: new Date(`${value}T00:00:00Z`), type: Date, format: 'dd/mm/yyyy' };
  return typeof value === 'number' ? { value, type: Number } : { value, type: String, wrap: value.length > 40 };
}

function toSheet(table: SheetTable): Sheet<Blob> {
  return {
    sheet: table.name,
    columns: table.columns.map((c) => ({ width: c.width })),
    stickyRowsCount: 1,
    data: [
      table.columns.map((c) => ({ value: c.header, type: String, fontWeight: 'bold' as const })),
      ...table.rows.map((row) => row.map((v, i) => cell(v, table.columns[i].kind))),
    ],
  };
}

export async function buildXlsx(bundle: MissionBundle, options: BuildOptions = {}): Promise<Uint8Array> {
  const tables = buildTables(bundle, options);
  const blob = await writeXlsxFile(
    SHEET_NAMES.map((name) => toSheet(tables[name])),
    { fontFamily: 'Calibri' },
  ).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
