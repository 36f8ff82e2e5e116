import { Route } from 'wouter';
import type { MissionTabProps } from './missionTabs';
import { ParticipantCreate, ParticipantEdit } from './participants/ParticipantEditors';
import { ParticipantImport } from './participants/ParticipantImport';
import { ParticipantList } from './participants/ParticipantList';
import { RecordRoutes } from './records/RecordRoutes';

/** The participants table: the list, one person added or edited, a whole table pasted. */
export function ParticipantsScreen({ missionId }: MissionTabProps) {
  return (
    <RecordRoutes
      list={<ParticipantList missionId={missionId} />}
      create={<ParticipantCreate missionId={missionId} />}
      edit={(participantId) => <ParticipantEdit missionId={missionId} participantId={participantId} />}
    >
      <Route path="/paste">
        <ParticipantImport missionId={missionId} />
      </Route>
    </RecordRoutes>
  );
}
