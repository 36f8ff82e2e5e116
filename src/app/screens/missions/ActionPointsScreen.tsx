import { Route, Switch } from 'wouter';
import { ActionPointCreate, ActionPointEdit } from './actionPoints/ActionPointEditors';
import { ActionPointList } from './actionPoints/ActionPointList';
import type { MissionTabProps } from './missionTabs';

/** The mission's action points: the list (status changed in place), one added or edited. */
export function ActionPointsScreen({ missionId }: MissionTabProps) {
  return (
    <Switch>
      <Route path="/">
        <ActionPointList missionId={missionId} />
      </Route>
      <Route path="/new">
        <ActionPointCreate missionId={missionId} />
      </Route>
      <Route path="/:pointId">{(params) => <ActionPointEdit missionId={missionId} pointId={params.pointId} />}</Route>
    </Switch>
  );
}
