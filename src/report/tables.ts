// The report's tables as both documents lay them out: header, rows, total row, column widths and
// which columns hold numbers. Worked out once here, so the Word and PDF reports cannot differ.
import { reportLabels as L } from './labels';
import type { BudgetRow, ReportCommune, ReportModel } from './model';

export interface TableSpec {
  header: readonly string[];
  rows: readonly (readonly string[])[];
  /** Relative column widths (each writer scales them to its page width). */
  widths: readonly number[];
  /** Columns whose values are numbers, aligned right. */
  rightColumns?: readonly number[];
  /** A last row in bold, such as a total. */
  footer?: readonly string[];
}

const budgetCells = (r: BudgetRow) => [r.label, r.planned, r.spent, r.rate];

export function participantsTable(rows: ReportModel['participants']): TableSpec {
  return { header: L.participantsHeader, rows, widths: [5, 19, 15, 16, 19, 26] };
}

/** One row per commune and the grand total. */
export function budgetTable(budget: ReportModel['budget']): TableSpec {
  return {
    header: L.budgetHeader,
    rows: budget.rows.map(budgetCells),
    footer: budgetCells(budget.total),
    widths: [34, 24, 24, 18],
    rightColumns: [1, 2, 3],
  };
}

export function actionsTable(rows: ReportModel['actions']): TableSpec {
  return { header: L.actionsHeader, rows, widths: [5, 18, 20, 17, 17, 13, 10] };
}

/** A commune's achievements and their total. */
export function achievementsTable(section: ReportCommune): TableSpec {
  const { total } = section;
  return {
    header: L.achievementsHeader,
    rows: section.achievements,
    footer: ['', total.label, '', total.planned, total.spent, total.rate],
    widths: [5, 27, 11, 20, 20, 17],
    rightColumns: [3, 4, 5],
  };
}

/** The itinerary of the TdR reminder: planned and actual days per commune. */
export function itineraryTable(rows: ReportModel['tdr']['itinerary']): TableSpec {
  return { header: L.itineraryHeader, rows, widths: [6, 24, 20, 18, 16, 16] };
}
