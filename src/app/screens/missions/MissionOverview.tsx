// Placeholder until the mission preparation issue builds this screen.
import type { MissionTabProps } from './missionTabs';

export function MissionOverview(_props: MissionTabProps) {
  return null;
}
