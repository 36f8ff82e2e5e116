// The report tab's chart: planned and spent per commune with execution rates, for the notes chosen
// above it, drawn exactly as the documents will print it.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMissionBundlePreview } from '../../../db/repositories/reportBundle';
import { budgetChart } from '../../../report/graphics/budgetChart';
import { buildReportModel } from '../../../report/model';
import type { NoteState } from '../../../shared/model';
import { FigureImage, SCREEN_FIGURE_WIDTH } from './FigureImage';

export function BudgetChartCard({ missionId, noteStates }: { missionId: string; noteStates: NoteState[] }) {
  const { t } = useTranslation('report');
  const bundle = useMissionBundlePreview(missionId);
  const key = noteStates.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the states are compared by value (key)
  const chart = useMemo(() => {
    if (!bundle) return null;
    const { chart } = buildReportModel({ ...bundle, settings: null }, { noteStates });
    if (!chart.rows.some((r) => r.plannedFcfa > 0 || r.spentFcfa > 0)) return null;
    return budgetChart(chart.rows, chart.overallRate, SCREEN_FIGURE_WIDTH);
  }, [bundle, key]);
  return (
    <section className="card" aria-labelledby="report-chart-title">
      <h3 id="report-chart-title">{t('figures.chartTitle')}</h3>
      {chart ? (
        <FigureImage scene={chart} caption={t('figures.chartCaption')} />
      ) : (
        <p className="empty">{t('figures.noChart')}</p>
      )}
    </section>
  );
}
