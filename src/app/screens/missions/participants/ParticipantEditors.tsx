import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import {
  createParticipant,
  deleteParticipant,
  emptyParticipantDraft,
  moveParticipant,
  participantToDraft,
  updateParticipant,
  useParticipant,
  useParticipants,
} from '../../../../db/repositories/participants';
import { Loading } from '../../../components/Loading';
import { NotFoundScreen } from '../../NotFoundScreen';
import { ConfirmButton } from '../form/ConfirmButton';
import { ParticipantForm } from './ParticipantForm';

export function ParticipantCreate({ missionId }: { missionId: string }) {
  const { t } = useTranslation('participants');
  const [, navigate] = useLocation();
  return (
    <ParticipantForm
      title={t('form.newTitle')}
      initial={{ ...emptyParticipantDraft(), position: '' }}
      positions={0}
      onSave={async (values) => {
        await createParticipant(missionId, values);
        navigate('/');
      }}
      onCancel={() => navigate('/')}
    />
  );
}

export function ParticipantEdit({ missionId, participantId }: { missionId: string; participantId: string }) {
  const { t } = useTranslation('participants');
  const [, navigate] = useLocation();
  const participant = useParticipant(participantId);
  const everyone = useParticipants(missionId);
  if (participant === undefined || !everyone) return <Loading />;
  if (participant === null) return <NotFoundScreen />;
  return (
    <ParticipantForm
      title={t('form.editTitle')}
      initial={{ ...participantToDraft(participant), position: String(participant.order) }}
      positions={everyone.length}
      onSave={async (values) => {
        await updateParticipant(participant.id, values);
        if (Number(values.position) !== participant.order)
          await moveParticipant(missionId, participant.id, Number(values.position));
        navigate('/');
      }}
      onCancel={() => navigate('/')}
    >
      <ConfirmButton
        label={t('form.delete')}
        onConfirm={async () => {
          await deleteParticipant(missionId, participant.id);
          navigate('/');
        }}
      />
    </ParticipantForm>
  );
}
