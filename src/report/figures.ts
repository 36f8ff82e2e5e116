// The report's two figures as scenes: the map of the mission and the budget chart, each left out
// when the settings exclude it or when it would show nothing (no commune placed, no budget).
import { budgetChart } from './graphics/budgetChart';
import { missionMap } from './graphics/missionMap';
import type { Scene } from './graphics/scene';
import { reportLabels as L } from './labels';
import type { ReportModel } from './model';

export interface ReportFigures {
  map: Scene | null;
  chart: Scene | null;
  captions: { map: string; chart: string };
}

/** `width` in CSS pixels: 640 for the documents, about a phone's width for the screens. */
export function reportFigures(model: ReportModel, width = 640): ReportFigures {
  const anyPlaced = model.map.communes.some((c) => c.lat != null && c.lon != null) || model.map.visits.length > 0;
  const anyBudget = model.chart.rows.some((r) => r.plannedFcfa > 0 || r.spentFcfa > 0);
  const map = model.parts.has('map') && anyPlaced ? missionMap(model.map.communes, model.map.visits, width) : null;
  const chart =
    model.parts.has('charts') && anyBudget ? budgetChart(model.chart.rows, model.chart.overallRate, width) : null;
  return {
    map,
    chart,
    captions: {
      map: L.mapCaption(1),
      chart: L.chartCaption(map ? 2 : 1),
    },
  };
}
