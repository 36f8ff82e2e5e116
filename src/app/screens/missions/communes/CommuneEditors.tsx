import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import {
  communeToDraft,
  createCommune,
  deleteCommune,
  emptyCommuneDraft,
  updateCommune,
  useCommune,
} from '../../../../db/repositories/communes';
import type { Mission } from '../../../../shared/model';
import { Loading } from '../../../components/Loading';
import { NotFoundScreen } from '../../NotFoundScreen';
import { ConfirmButton } from '../form/ConfirmButton';
import { CommuneForm } from './CommuneForm';

export function CommuneCreate({ mission }: { mission: Mission }) {
  const { t } = useTranslation('communes');
  const [, navigate] = useLocation();
  return (
    <CommuneForm
      title={t('form.newTitle')}
      mission={mission}
      initial={emptyCommuneDraft()}
      onSave={async (draft) => {
        await createCommune(mission, draft);
        navigate('/');
      }}
      onCancel={() => navigate('/')}
    />
  );
}

export function CommuneEdit({ mission, communeId }: { mission: Mission; communeId: string }) {
  const { t } = useTranslation('communes');
  const [, navigate] = useLocation();
  const commune = useCommune(communeId);
  if (commune === undefined) return <Loading />;
  if (commune === null) return <NotFoundScreen />;
  return (
    <CommuneForm
      title={t('form.editTitle')}
      mission={mission}
      initial={communeToDraft(commune)}
      onSave={async (draft) => {
        await updateCommune(mission, commune.id, draft);
        navigate('/');
      }}
      onCancel={() => navigate('/')}
    >
      <ConfirmButton
        label={t('form.delete')}
        onConfirm={async () => {
          await deleteCommune(commune.id);
          navigate('/');
        }}
      />
    </CommuneForm>
  );
}
