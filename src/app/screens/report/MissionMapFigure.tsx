// The map of the mission on its overview: the communes of the itinerary, numbered as in the report,
// and the GPS point of every visit noted so far (whatever its review state). Loaded on demand with
// the outline of Mali it draws (MissionMapCard.tsx).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMissionBundlePreview } from '../../../db/repositories/reportBundle';
import { reportFigures } from '../../../report/figures';
import { buildReportModel } from '../../../report/model';
import { NOTE_STATES } from '../../../shared/model';
import { FigureImage, SCREEN_FIGURE_WIDTH } from './FigureImage';

export default function MissionMapFigure({ missionId }: { missionId: string }) {
  const { t } = useTranslation('report');
  const bundle = useMissionBundlePreview(missionId);
  const map = useMemo(() => {
    if (!bundle) return null;
    const model = buildReportModel({ ...bundle, settings: null }, { noteStates: NOTE_STATES });
    return reportFigures(model, SCREEN_FIGURE_WIDTH).map;
  }, [bundle]);
  return (
    <section className="card" aria-labelledby="mission-map-title">
      <h2 id="mission-map-title">{t('figures.mapTitle')}</h2>
      {map ? (
        <FigureImage scene={map} caption={t('figures.mapCaption')} />
      ) : (
        <p className="empty">{t('figures.noMap')}</p>
      )}
    </section>
  );
}
