// The reminder of the terms of reference: objectives and expected results of the latest revision.
import type { Paragraph } from 'docx';
import { reportLabels as L } from '../labels';
import type { ReportModel } from '../model';
import { heading, labelled, textBlock } from './common';

export function tdrSection(tdr: ReportModel['tdr']): Paragraph[] {
  if (!tdr) return [heading(L.tdrTitle, 1), ...textBlock(L.noTdr)];
  return [
    heading(L.tdrTitle, 1),
    ...labelled(L.objectives, tdr.objectives),
    ...labelled(L.expectedResults, tdr.expectedResults),
  ];
}
