import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { createMission, emptyMissionDraft } from '../../../db/repositories/missions';
import { MissionForm } from './overview/MissionForm';

export function MissionCreateScreen() {
  const { t } = useTranslation('missions');
  const [, navigate] = useLocation();
  return (
    <div className="page">
      <h1>{t('form.newTitle')}</h1>
      <MissionForm
        initial={emptyMissionDraft()}
        submitLabel={t('form.create')}
        onSave={async (draft) => navigate(`/missions/${(await createMission(draft)).id}`)}
        onCancel={() => navigate('/')}
      />
    </div>
  );
}
