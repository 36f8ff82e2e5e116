import { useTranslation } from 'react-i18next';
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
import { RecordCreate, RecordEdit } from '../records/RecordEditors';
import { ParticipantForm } from './ParticipantForm';

export function ParticipantCreate({ missionId }: { missionId: string }) {
  const { t } = useTranslation('participants');
  return (
    <RecordCreate
      title={t('form.newTitle')}
      initial={{ ...emptyParticipantDraft(), position: '' }}
      create={(values) => createParticipant(missionId, values)}
      // New people go to the end of the list: no N° to choose yet.
      form={(props) => <ParticipantForm positions={0} {...props} />}
    />
  );
}

export function ParticipantEdit({ missionId, participantId }: { missionId: string; participantId: string }) {
  const { t } = useTranslation('participants');
  const participant = useParticipant(participantId);
  const everyone = useParticipants(missionId);
  return (
    <RecordEdit
      missionId={missionId}
      // Loading until the whole list is there too: it gives the N° that may be chosen.
      record={everyone ? participant : undefined}
      title={() => t('form.editTitle')}
      toValues={(person) => ({ ...participantToDraft(person), position: String(person.order) })}
      update={async (person, values) => {
        await updateParticipant(person.id, values);
        if (Number(values.position) !== person.order)
          await moveParticipant(missionId, person.id, Number(values.position));
      }}
      remove={(person) => deleteParticipant(missionId, person.id)}
      deleteLabel={t('form.delete')}
      form={(props) => <ParticipantForm positions={everyone?.length ?? 0} {...props} />}
    />
  );
}
