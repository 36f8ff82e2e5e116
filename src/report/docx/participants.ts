// The participants table, with the seed's columns.
import type { Paragraph, Table } from 'docx';
import { reportLabels as L } from '../labels';
import type { ReportModel } from '../model';
import { participantsTable } from '../tables';
import { heading, table, textBlock } from './common';

export function participantsSection(rows: ReportModel['participants']): (Paragraph | Table)[] {
  if (rows.length === 0) return [heading(L.participantsTitle, 1), ...textBlock(L.noParticipants)];
  return [heading(L.participantsTitle, 1), table(participantsTable(rows))];
}
