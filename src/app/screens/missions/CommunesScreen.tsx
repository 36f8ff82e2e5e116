import { Route, Switch } from 'wouter';
import { useMission } from '../../../db/repositories/missions';
import { Loading } from '../../components/Loading';
import { CommuneCreate, CommuneEdit } from './communes/CommuneEditors';
import { CommuneList } from './communes/CommuneList';
import type { MissionTabProps } from './missionTabs';

/** The communes on the itinerary, in visit order; one added or edited at a time. */
export function CommunesScreen({ missionId }: MissionTabProps) {
  const mission = useMission(missionId);
  if (!mission) return <Loading />;
  return (
    <Switch>
      <Route path="/">
        <CommuneList missionId={missionId} />
      </Route>
      <Route path="/new">
        <CommuneCreate mission={mission} />
      </Route>
      <Route path="/:communeId">{(params) => <CommuneEdit mission={mission} communeId={params.communeId} />}</Route>
    </Switch>
  );
}
