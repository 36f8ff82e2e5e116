// The overall budget table: one row per commune and the grand total.
import type { Paragraph, Table } from 'docx';
import { reportLabels as L } from '../labels';
import type { ReportModel } from '../model';
import { budgetTable } from '../tables';
import { heading, table } from './common';

export function budgetSummarySection(budget: ReportModel['budget']): (Paragraph | Table)[] {
  return [heading(L.budgetTitle, 1), table(budgetTable(budget))];
}
