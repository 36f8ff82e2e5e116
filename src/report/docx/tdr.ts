// The reminder of the terms of reference: context, objectives and expected results of the latest
// revision, then the team, the vehicles and the itinerary with planned and actual days.
import type { Paragraph, Table } from 'docx';
import { reportLabels as L } from '../labels';
import type { ReportModel } from '../model';
import { itineraryTable } from '../tables';
import { bullet, heading, inline, labelled, table, textBlock } from './common';

export function tdrSection(tdr: ReportModel['tdr']): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading(L.tdrTitle, 1)];
  if (tdr.texts)
    out.push(
      ...labelled(L.context, tdr.texts.context),
      ...labelled(L.objectives, tdr.texts.objectives),
      ...labelled(L.expectedResults, tdr.texts.expectedResults),
    );
  else out.push(...textBlock(L.noTdr));
  out.push(inline(L.team, tdr.team.count), ...tdr.team.members.map(bullet));
  out.push(heading(L.vehicles, 3), ...(tdr.vehicles.length ? tdr.vehicles.map(bullet) : textBlock(L.noVehicle)));
  out.push(heading(L.itinerary, 3));
  out.push(tdr.itinerary.length ? table(itineraryTable(tdr.itinerary)) : textBlock(L.noCommune)[0]);
  return out;
}
