// The fixed parts of the PDF report: cover, terms of reference, participants, budget summary and
// action points. Communes, with their photos, are in communeSection.ts.
import type { Content } from 'pdfmake/interfaces';
import { reportLabels as L } from '../labels';
import type { ReportModel } from '../model';
import { actionsTable, budgetTable, participantsTable } from '../tables';
import { heading, labelled, table, textBlock } from './common';

export function cover(c: ReportModel['cover']): Content[] {
  const line = (label: string, value: string): Content => ({
    text: [{ text: `${label} : `, bold: true }, value],
    margin: [0, 0, 0, 6],
  });
  return [
    { text: L.documentTitle.toUpperCase(), style: 'title', margin: [0, 160, 0, 30] },
    { text: c.missionTitle, style: 'subtitle', margin: [0, 0, 0, 70] },
    line(L.project, c.project || L.empty),
    line(L.mission, c.missionTitle),
    line(L.period, c.period),
    line(L.places, c.places.join(' ; ') || L.empty),
    { text: c.generatedOn, italics: true, fontSize: 9, margin: [0, 70, 0, 0], pageBreak: 'after' },
  ];
}

export function tdr(t: ReportModel['tdr']): Content[] {
  if (!t) return [heading(L.tdrTitle, 1), ...textBlock(L.noTdr)];
  return [
    heading(L.tdrTitle, 1),
    ...labelled(L.objectives, t.objectives),
    ...labelled(L.expectedResults, t.expectedResults),
  ];
}

export function participants(rows: ReportModel['participants']): Content[] {
  if (rows.length === 0) return [heading(L.participantsTitle, 1), ...textBlock(L.noParticipants)];
  return [heading(L.participantsTitle, 1), table(participantsTable(rows))];
}

export function budgetSummary(b: ReportModel['budget']): Content[] {
  return [heading(L.budgetTitle, 1), table(budgetTable(b))];
}

export function actionPoints(rows: ReportModel['actions']): Content[] {
  if (rows.length === 0) return [heading(L.actionsTitle, 1), ...textBlock(L.noActions)];
  return [heading(L.actionsTitle, 1), table(actionsTable(rows))];
}
