// Placeholder until the field visits issue builds this screen (list of notes, and /:noteId for one note).
import type { MissionTabProps } from '../missions/missionTabs';

export function VisitsScreen(_props: MissionTabProps) {
  return null;
}
