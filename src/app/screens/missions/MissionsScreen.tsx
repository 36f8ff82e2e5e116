import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useMissions } from '../../../db/repositories/missions';
import { Loading } from '../../components/Loading';
import { formatDay } from '../../format';

export function MissionsScreen() {
  const { t } = useTranslation('missions');
  const missions = useMissions();
  return (
    <div className="page">
      <h1>{t('list.title')}</h1>
      {missions === undefined ? (
        <Loading />
      ) : missions.length === 0 ? (
        <p className="empty">{t('list.empty')}</p>
      ) : (
        <ul className="card-list">
          {missions.map((mission) => (
            <li key={mission.id} className="card">
              <Link href={`/missions/${mission.id}`}>{mission.title}</Link>
              <p className="muted">
                {formatDay(mission.startDate)} – {formatDay(mission.endDate)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
