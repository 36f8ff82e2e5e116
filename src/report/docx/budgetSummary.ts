// The overall budget table: one row per commune and the grand total.
import type { Paragraph, Table } from 'docx';
import { reportLabels as L } from '../labels';
import type { BudgetRow, ReportModel } from '../model';
import { heading, table } from './common';

const cells = (r: BudgetRow) => [r.label, r.planned, r.spent, r.rate];

export function budgetSummarySection(budget: ReportModel['budget']): (Paragraph | Table)[] {
  return [
    heading(L.budgetTitle, 1),
    table({
      header: L.budgetHeader,
      rows: budget.rows.map(cells),
      footer: cells(budget.total),
      widths: [34, 24, 24, 18],
      rightColumns: [1, 2, 3],
    }),
  ];
}
