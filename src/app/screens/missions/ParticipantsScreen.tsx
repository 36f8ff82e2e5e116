import { Route, Switch } from 'wouter';
import type { MissionTabProps } from './missionTabs';
import { ParticipantCreate, ParticipantEdit } from './participants/ParticipantEditors';
import { ParticipantImport } from './participants/ParticipantImport';
import { ParticipantList } from './participants/ParticipantList';

/** The participants table: the list, one person added or edited, a whole table pasted. */
export function ParticipantsScreen({ missionId }: MissionTabProps) {
  return (
    <Switch>
      <Route path="/">
        <ParticipantList missionId={missionId} />
      </Route>
      <Route path="/new">
        <ParticipantCreate missionId={missionId} />
      </Route>
      <Route path="/paste">
        <ParticipantImport missionId={missionId} />
      </Route>
      <Route path="/:participantId">
        {(params) => <ParticipantEdit missionId={missionId} participantId={params.participantId} />}
      </Route>
    </Switch>
  );
}
