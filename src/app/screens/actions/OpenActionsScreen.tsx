import { useTranslation } from 'react-i18next';
import { useOpenActionPoints } from '../../../db/repositories/actionPoints';
import { Loading } from '../../components/Loading';
import { ActionPointCard } from '../missions/actionPoints/ActionPointCard';

/** Every mission's open action points in one list, to follow them up across missions. */
export function OpenActionsScreen() {
  const { t } = useTranslation('actions');
  const open = useOpenActionPoints();
  return (
    <div className="page">
      <h1>{t('openTitle')}</h1>
      <p className="muted">{t('openHint')}</p>
      {open === undefined ? (
        <Loading />
      ) : open.length === 0 ? (
        <p className="empty">{t('openEmpty')}</p>
      ) : (
        <ul className="card-list">
          {open.map(({ point, mission }) => (
            <ActionPointCard
              key={point.id}
              point={point}
              missionTitle={mission.title}
              href={`/missions/${mission.id}/actions/${point.id}`}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
