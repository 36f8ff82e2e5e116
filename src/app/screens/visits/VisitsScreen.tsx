// The mission's "Visites" tab: the list of notes, and one note at /:noteId (paths are relative).
import { Route, Switch } from 'wouter';
import type { MissionTabProps } from '../missions/missionTabs';
import { VisitList } from './VisitList';
import { VisitNoteScreen } from './VisitNoteScreen';

export function VisitsScreen({ missionId }: MissionTabProps) {
  return (
    <Switch>
      <Route path="/">
        <VisitList missionId={missionId} />
      </Route>
      <Route path="/:noteId">
        {(params) => <VisitNoteScreen key={params.noteId} missionId={missionId} noteId={params.noteId} />}
      </Route>
    </Switch>
  );
}
