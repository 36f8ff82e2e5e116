// The four tables the spreadsheets export — visit notes, achievements with budgets, participants,
// action points — as typed columns and raw values, written out by csv.ts and xlsx.ts.
import { type BuildOptions, DEFAULT_NOTE_STATES, type MissionBundle } from '../bundle';
import { executionRate, formatPhone, isEmptyLine } from '../format';
import { reportLabels as L } from '../labels';
import type { SheetName } from './names';

/** text: as is; money: whole FCFA; rate: a ratio (0.75); day: an ISO day (YYYY-MM-DD) or ''. */
export type ColumnKind = 'text' | 'integer' | 'money' | 'rate' | 'day';
export type CellValue = string | number | null;

export interface SheetTable {
  /** Used as the sheet name and in the CSV file name. */
  name: string;
  columns: { header: string; kind: ColumnKind; width: number }[];
  rows: CellValue[][];
}

export { SHEET_NAMES, type SheetName } from './names';

const col = (header: string, kind: ColumnKind = 'text', width = 18) => ({ header, kind, width });

export function buildTables(bundle: MissionBundle, options: BuildOptions = {}): Record<SheetName, SheetTable> {
  const states = new Set(options.noteStates ?? DEFAULT_NOTE_STATES);
  const communeName = new Map(bundle.communes.map((c) => [c.id, c.name]));
  const notes = bundle.notes
    .filter((n) => !n.deletedAt && states.has(n.state))
    .sort(
      (a, b) =>
        (a.visitDate || '9999').localeCompare(b.visitDate || '9999') ||
        (communeName.get(a.communeId) ?? '').localeCompare(communeName.get(b.communeId) ?? '', 'fr'),
    );
  const commune = (id: string) => communeName.get(id) ?? '';
  return {
    notes: {
      name: 'Notes de visite',
      columns: [
        col('Commune', 'text', 20),
        col('Date de la visite', 'day', 14),
        col('État', 'text', 12),
        col(L.peopleMet, 'text', 30),
        col(L.observations, 'text', 40),
        col(L.difficulties, 'text', 30),
        col(L.recommendations, 'text', 30),
        col('Latitude', 'text', 12),
        col('Longitude', 'text', 12),
      ],
      rows: notes.map((n) => [
        commune(n.communeId),
        n.visitDate,
        L.noteStates[n.state],
        n.peopleMet,
        n.observations,
        n.difficulties,
        n.recommendations,
        n.gps ? n.gps.lat.toFixed(6) : '',
        n.gps ? n.gps.lon.toFixed(6) : '',
      ]),
    },
    achievements: {
      name: 'Réalisations et budgets',
      columns: [
        col('Commune', 'text', 20),
        col('Date de la visite', 'day', 14),
        col('N°', 'integer', 5),
        col('Activité', 'text', 36),
        col('État', 'text', 12),
        col('Budget prévu (FCFA)', 'money', 16),
        col('Dépensé (FCFA)', 'money', 16),
        col('Taux d’exécution (%)', 'rate', 12),
      ],
      rows: notes.flatMap((n) =>
        n.achievements
          .filter((a) => !isEmptyLine(a))
          .map((a, i) => [
            commune(n.communeId),
            n.visitDate,
            i + 1,
            a.activity,
            L.achievementStates[a.state],
            a.plannedFcfa,
            a.spentFcfa,
            executionRate(a.plannedFcfa, a.spentFcfa),
          ]),
      ),
    },
    participants: {
      name: 'Participants',
      columns: L.participantsHeader.map((h, i) => col(h, i === 0 ? 'integer' : 'text', i === 0 ? 5 : 24)),
      rows: bundle.participants
        .filter((p) => !p.deletedAt)
        .sort((a, b) => a.order - b.order)
        .map((p, i) => [i + 1, p.fullName, p.function, p.organisation, formatPhone(p.phone), p.email]),
    },
    actionPoints: {
      name: 'Points d’action',
      columns: L.actionsHeader.map((h, i) => col(h, i === 0 ? 'integer' : i === 5 ? 'day' : 'text', i === 0 ? 5 : 24)),
      rows: bundle.actionPoints
        .filter((a) => !a.deletedAt)
        .sort((a, b) => a.number - b.number)
        .map((a) => [a.number, a.point, a.action, a.responsible, a.comments, a.dueDate, L.actionStatuses[a.status]]),
    },
  };
}
