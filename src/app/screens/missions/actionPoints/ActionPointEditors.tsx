import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import {
  actionPointToDraft,
  createActionPoint,
  deleteActionPoint,
  emptyActionPointDraft,
  updateActionPoint,
  useActionPoint,
} from '../../../../db/repositories/actionPoints';
import { Loading } from '../../../components/Loading';
import { NotFoundScreen } from '../../NotFoundScreen';
import { ConfirmButton } from '../form/ConfirmButton';
import { ActionPointForm } from './ActionPointForm';

export function ActionPointCreate({ missionId }: { missionId: string }) {
  const { t } = useTranslation('actions');
  const [, navigate] = useLocation();
  return (
    <ActionPointForm
      title={t('form.newTitle')}
      missionId={missionId}
      initial={emptyActionPointDraft()}
      onSave={async (draft) => {
        await createActionPoint(missionId, draft);
        navigate('/');
      }}
      onCancel={() => navigate('/')}
    />
  );
}

export function ActionPointEdit({ missionId, pointId }: { missionId: string; pointId: string }) {
  const { t } = useTranslation('actions');
  const [, navigate] = useLocation();
  const point = useActionPoint(pointId);
  if (point === undefined) return <Loading />;
  if (point === null || point.missionId !== missionId) return <NotFoundScreen />;
  return (
    <ActionPointForm
      title={t('form.editTitle', { number: point.number })}
      missionId={missionId}
      initial={actionPointToDraft(point)}
      onSave={async (draft) => {
        await updateActionPoint(point.id, draft);
        navigate('/');
      }}
      onCancel={() => navigate('/')}
    >
      <ConfirmButton
        label={t('form.delete')}
        onConfirm={async () => {
          await deleteActionPoint(point.id);
          navigate('/');
        }}
      />
    </ActionPointForm>
  );
}
