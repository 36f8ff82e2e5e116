import { useTranslation } from 'react-i18next';
import { useActionPoints } from '../../../../db/repositories/actionPoints';
import { RecordList } from '../records/RecordList';
import { ActionPointCard } from './ActionPointCard';

export function ActionPointList({ missionId }: { missionId: string }) {
  const { t } = useTranslation('actions');
  return (
    <RecordList records={useActionPoints(missionId)} addLabel={t('add')} emptyText={t('empty')}>
      {(points) => (
        <ul className="card-list">
          {points.map((point) => (
            <ActionPointCard key={point.id} point={point} href={`/${point.id}`} />
          ))}
        </ul>
      )}
    </RecordList>
  );
}
