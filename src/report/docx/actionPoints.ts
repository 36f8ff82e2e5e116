// The action points table, with the seed's columns plus the due date and status.
import type { Paragraph, Table } from 'docx';
import { reportLabels as L } from '../labels';
import type { ReportModel } from '../model';
import { actionsTable } from '../tables';
import { heading, table, textBlock } from './common';

export function actionPointsSection(rows: ReportModel['actions']): (Paragraph | Table)[] {
  if (rows.length === 0) return [heading(L.actionsTitle, 1), ...textBlock(L.noActions)];
  return [heading(L.actionsTitle, 1), table(actionsTable(rows))];
}
