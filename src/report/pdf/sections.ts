// The fixed parts of the PDF report: cover, synthèse, terms of reference, participants, budget
// summary, action points, conclusion, signatures and annexes. Communes, with their photos, are in
// communeSection.ts.
import type { Column, Content } from 'pdfmake/interfaces';
import { reportLabels as L } from '../labels';
import type { ReportModel } from '../model';
import type { LoadedPhoto } from '../photos';
import { actionsTable, budgetTable, itineraryTable, participantsTable } from '../tables';
import { bullets, heading, inline, labelled, table, textBlock, toBase64 } from './common';

export function cover(c: ReportModel['cover'], logos: LoadedPhoto[]): Content[] {
  const line = (label: string, value: string): Content => ({
    text: [{ text: `${label} : `, bold: true }, value],
    margin: [0, 0, 0, 6],
  });
  const top: Content[] = [];
  if (logos.length)
    top.push({
      columns: logos.map(
        (logo): Column => ({
          width: '*',
          stack: [
            {
              image: `data:image/${logo.kind === 'jpg' ? 'jpeg' : 'png'};base64,${toBase64(logo.bytes)}`,
              width: logo.width,
              height: logo.height,
              alignment: 'center',
            },
          ],
        }),
      ),
      margin: [0, 0, 0, 16],
    });
  c.letterhead.forEach((text, i) => {
    top.push({ text, alignment: 'center', bold: i === 0, fontSize: i === 0 ? 12 : 10, margin: [0, 0, 0, 2] });
  });
  return [
    ...top,
    { text: L.documentTitle.toUpperCase(), style: 'title', margin: [0, top.length ? 80 : 160, 0, 30] },
    { text: c.missionTitle, style: 'subtitle', margin: [0, 0, 0, c.subtitle ? 10 : 70] },
    ...(c.subtitle ? [{ text: c.subtitle, italics: true, alignment: 'center', margin: [0, 0, 0, 60] } as Content] : []),
    line(L.project, c.project || L.empty),
    line(L.mission, c.missionTitle),
    line(L.period, c.period),
    line(L.places, c.places.join(' ; ') || L.empty),
    { text: c.generatedOn, italics: true, fontSize: 9, margin: [0, 70, 0, 0], pageBreak: 'after' },
  ];
}

export function freeText(title: string, text: string): Content[] {
  return text ? [heading(title, 1), ...textBlock(text)] : [];
}

export function tdr(t: ReportModel['tdr']): Content[] {
  const out: Content[] = [heading(L.tdrTitle, 1)];
  if (t.texts)
    out.push(
      ...labelled(L.context, t.texts.context),
      ...labelled(L.objectives, t.texts.objectives),
      ...labelled(L.expectedResults, t.texts.expectedResults),
    );
  else out.push(...textBlock(L.noTdr));
  out.push(inline(L.team, t.team.count));
  if (t.team.members.length) out.push(bullets(t.team.members));
  out.push(heading(L.vehicles, 3), t.vehicles.length ? bullets(t.vehicles) : textBlock(L.noVehicle)[0]);
  out.push({
    stack: [
      heading(L.itinerary, 3),
      t.itinerary.length ? table(itineraryTable(t.itinerary)) : textBlock(L.noCommune)[0],
    ],
    unbreakable: t.itinerary.length <= 12,
  });
  return out;
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

export function signatures(s: ReportModel['signatures']): Content[] {
  if (!s.placeAndDay && s.signatories.length === 0) return [];
  const columns = Math.min(Math.max(s.signatories.length, 1), 3);
  const rows: Content[] = [];
  for (let i = 0; i < s.signatories.length; i += columns) {
    const cells: Column[] = s.signatories.slice(i, i + columns).map((p) => ({
      width: '*',
      stack: [
        { text: p.function, bold: true, alignment: 'center' },
        { text: p.name, alignment: 'center', margin: [0, 60, 0, 0] },
      ],
    }));
    while (cells.length < columns) cells.push({ width: '*', text: '' });
    rows.push({ columns: cells, columnGap: 12, margin: [0, 0, 0, 16] });
  }
  return [
    {
      stack: [
        heading(L.signaturesTitle, 1),
        ...(s.placeAndDay ? [{ text: s.placeAndDay, alignment: 'right', margin: [0, 0, 0, 16] } as Content] : []),
        ...rows,
      ],
      unbreakable: true,
    },
  ];
}

export function annexes(list: string[]): Content[] {
  return list.length ? [heading(L.annexesTitle, 1), bullets(list)] : [];
}
