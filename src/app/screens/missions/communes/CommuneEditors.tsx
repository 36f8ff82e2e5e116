import { useTranslation } from 'react-i18next';
import {
  communeToDraft,
  createCommune,
  deleteCommune,
  emptyCommuneDraft,
  updateCommune,
  useCommune,
} from '../../../../db/repositories/communes';
import type { Mission } from '../../../../shared/model';
import { RecordCreate, RecordEdit } from '../records/RecordEditors';
import { CommuneForm } from './CommuneForm';

export function CommuneCreate({ mission }: { mission: Mission }) {
  const { t } = useTranslation('communes');
  return (
    <RecordCreate
      title={t('form.newTitle')}
      initial={emptyCommuneDraft()}
      create={(draft) => createCommune(mission, draft)}
      form={(props) => <CommuneForm mission={mission} {...props} />}
    />
  );
}

export function CommuneEdit({ mission, communeId }: { mission: Mission; communeId: string }) {
  const { t } = useTranslation('communes');
  return (
    <RecordEdit
      missionId={mission.id}
      record={useCommune(communeId)}
      title={() => t('form.editTitle')}
      toValues={communeToDraft}
      update={(commune, draft) => updateCommune(mission, commune.id, draft)}
      remove={(commune) => deleteCommune(commune.id)}
      deleteLabel={t('form.delete')}
      form={(props) => <CommuneForm mission={mission} {...props} />}
    />
  );
}
