import { useTranslation } from 'react-i18next';
import {
  actionPointToDraft,
  createActionPoint,
  deleteActionPoint,
  emptyActionPointDraft,
  updateActionPoint,
  useActionPoint,
} from '../../../../db/repositories/actionPoints';
import { RecordCreate, RecordEdit } from '../records/RecordEditors';
import { ActionPointForm } from './ActionPointForm';

export function ActionPointCreate({ missionId }: { missionId: string }) {
  const { t } = useTranslation('actions');
  return (
    <RecordCreate
      title={t('form.newTitle')}
      initial={emptyActionPointDraft()}
      create={(draft) => createActionPoint(missionId, draft)}
      form={(props) => <ActionPointForm missionId={missionId} {...props} />}
    />
  );
}

export function ActionPointEdit({ missionId, pointId }: { missionId: string; pointId: string }) {
  const { t } = useTranslation('actions');
  return (
    <RecordEdit
      missionId={missionId}
      record={useActionPoint(pointId)}
      title={(point) => t('form.editTitle', { number: point.number })}
      toValues={actionPointToDraft}
      update={(point, draft) => updateActionPoint(point.id, draft)}
      remove={(point) => deleteActionPoint(point.id)}
      deleteLabel={t('form.delete')}
      form={(props) => <ActionPointForm missionId={missionId} {...props} />}
    />
  );
}
