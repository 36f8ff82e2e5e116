import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useActionPoints } from '../../../../db/repositories/actionPoints';
import { Loading } from '../../../components/Loading';
import { ActionPointCard } from './ActionPointCard';

export function ActionPointList({ missionId }: { missionId: string }) {
  const { t } = useTranslation('actions');
  const points = useActionPoints(missionId);
  if (!points) return <Loading />;
  return (
    <>
      <div className="button-row">
        <Link href="/new" className="button primary">
          {t('add')}
        </Link>
      </div>
      {points.length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : (
        <ul className="card-list">
          {points.map((point) => (
            <ActionPointCard key={point.id} point={point} href={`/${point.id}`} />
          ))}
        </ul>
      )}
    </>
  );
}
