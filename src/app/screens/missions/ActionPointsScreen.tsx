import { ActionPointCreate, ActionPointEdit } from './actionPoints/ActionPointEditors';
import { ActionPointList } from './actionPoints/ActionPointList';
import type { MissionTabProps } from './missionTabs';
import { RecordRoutes } from './records/RecordRoutes';

/** The mission's action points: the list (status changed in place), one added or edited. */
export function ActionPointsScreen({ missionId }: MissionTabProps) {
  return (
    <RecordRoutes
      list={<ActionPointList missionId={missionId} />}
      create={<ActionPointCreate missionId={missionId} />}
      edit={(pointId) => <ActionPointEdit missionId={missionId} pointId={pointId} />}
    />
  );
}
