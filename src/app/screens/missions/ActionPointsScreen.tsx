// Placeholder until the mission preparation issue builds this screen.
import type { MissionTabProps } from './missionTabs';

export function ActionPointsScreen(_props: MissionTabProps) {
  return null;
}
