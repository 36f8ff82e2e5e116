import { Route, Switch } from 'wouter';
import { NotFoundScreen } from '../NotFoundScreen';
import type { MissionTabProps } from './missionTabs';
import { TdrCompare } from './tdr/TdrCompare';
import { TdrCurrent } from './tdr/TdrCurrent';
import { TdrEdit } from './tdr/TdrEdit';
import { TdrRevisionView } from './tdr/TdrRevisionView';

/** The terms of reference: the latest revision, a new revision, one old revision, two compared. */
export function TdrScreen({ missionId }: MissionTabProps) {
  return (
    <Switch>
      <Route path="/">
        <TdrCurrent missionId={missionId} />
      </Route>
      <Route path="/edit">
        <TdrEdit missionId={missionId} />
      </Route>
      <Route path="/compare">
        <TdrCompare missionId={missionId} />
      </Route>
      <Route path="/revisions/:revisionId">
        {(params) => <TdrRevisionView missionId={missionId} revisionId={params.revisionId} />}
      </Route>
      <Route component={NotFoundScreen} />
    </Switch>
  );
}
