import { useMission } from '../../../db/repositories/missions';
import { Loading } from '../../components/Loading';
import { CommuneCreate, CommuneEdit } from './communes/CommuneEditors';
import { CommuneList } from './communes/CommuneList';
import type { MissionTabProps } from './missionTabs';
import { RecordRoutes } from './records/RecordRoutes';

/** The communes on the itinerary, in visit order; one added or edited at a time. */
export function CommunesScreen({ missionId }: MissionTabProps) {
  // The form checks planned dates against the mission's own.
  const mission = useMission(missionId);
  if (!mission) return <Loading />;
  return (
    <RecordRoutes
      list={<CommuneList missionId={missionId} />}
      create={<CommuneCreate mission={mission} />}
      edit={(communeId) => <CommuneEdit mission={mission} communeId={communeId} />}
    />
  );
}
