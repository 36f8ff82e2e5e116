// Small live reads for the main menu: the notes sent back for changes (the "Visites" badge) and
// whether a mission still exists on the device. Kept apart and tiny: they are in the first screen's bundle.
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../schema';

/** Notes a coordinator sent back (state a_revoir), in one mission or on the whole device. */
export function useNotesToReviseCount(missionId: string | null): number | undefined {
  return useLiveQuery(
    () =>
      db.visitNotes
        .where('state')
        .equals('a_revoir')
        .filter((note) => !note.deletedAt && (missionId === null || note.missionId === missionId))
        .count(),
    [missionId],
  );
}

/** The ids of the missions on the device (not deleted), for the menu's choice of a mission. */
export function useMissionIds(): string[] | undefined {
  return useLiveQuery(async () =>
    (await db.missions.toArray()).filter((mission) => !mission.deletedAt).map((mission) => mission.id),
  );
}
