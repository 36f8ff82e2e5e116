// Missions: read with live queries, written only through the mutation layer (and so the outbox).
import { useLiveQuery } from 'dexie-react-hooks';
import type { Mission } from '../../shared/model';
import { db } from '../schema';

/** Missions not deleted, the most recent start date first. */
export function useMissions(): Mission[] | undefined {
  return useLiveQuery(async () => {
    const all = await db.missions.toArray();
    return all.filter((m) => !m.deletedAt).sort((a, b) => b.startDate.localeCompare(a.startDate));
  });
}

/** One mission: undefined while loading, null when it does not exist (or was deleted). */
export function useMission(id: string): Mission | null | undefined {
  return useLiveQuery(async () => {
    const mission = await db.missions.get(id);
    return mission && !mission.deletedAt ? mission : null;
  }, [id]);
}
