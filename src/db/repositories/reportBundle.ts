// Reads one mission from the device's database for the report, spreadsheet and archive builders
// (read-only: nothing here writes). Photo bytes are read one at a time from db.photoBlobs, when a
// builder asks, so a report with a hundred photos never holds them all in memory at once.
import type { MissionBundle } from '../../report/bundle';
import { type RecordOf, SYNCED_TABLES, type SyncedTable } from '../../shared/model';
import { db } from '../schema';

/**
 * The tables a mission archive carries. Conflicts are left out: the server makes them and settles
 * them with the members, and it sends them again to any device that syncs the mission.
 */
export const ARCHIVED_TABLES = SYNCED_TABLES.filter((t) => t !== 'conflicts');
export type ArchivedTable = (typeof ARCHIVED_TABLES)[number];

async function missionRecords<T extends SyncedTable>(table: T, missionId: string): Promise<RecordOf<T>[]> {
  if (table === 'missions') {
    const mission = await db.missions.get(missionId);
    return (mission ? [mission] : []) as RecordOf<T>[];
  }
  return (await db.table(table).where('missionId').equals(missionId).toArray()) as RecordOf<T>[];
}

const alive = <T extends { deletedAt?: string | null }>(rows: T[]) => rows.filter((r) => !r.deletedAt);

async function photoBytes(hash: string): Promise<Uint8Array> {
  const stored = await db.photoBlobs.get(hash);
  if (!stored) throw new Error(`photo-missing:${hash}`);
  return new Uint8Array(await stored.blob.arrayBuffer());
}

/** The mission as the report sees it (deleted records left out), or null if it does not exist. */
export async function loadMissionBundle(missionId: string): Promise<MissionBundle | null> {
  const mission = await db.missions.get(missionId);
  if (!mission || mission.deletedAt) return null;
  const [tdrs, participants, communes, notes, photos, actionPoints] = await Promise.all([
    missionRecords('tdrRevisions', missionId),
    missionRecords('participants', missionId),
    missionRecords('communes', missionId),
    missionRecords('visitNotes', missionId),
    missionRecords('photos', missionId),
    missionRecords('actionPoints', missionId),
  ]);
  const tdr = alive(tdrs).sort((a, b) => b.number - a.number)[0] ?? null;
  return {
    mission,
    tdr,
    participants: alive(participants),
    communes: alive(communes),
    notes: alive(notes),
    photos: alive(photos),
    actionPoints: alive(actionPoints),
    photoBytes,
  };
}

export interface MissionArchiveData {
  tables: Record<ArchivedTable, unknown[]>;
  /** A photo's bytes and thumbnail, or null when this device does not hold them. */
  photo: (hash: string) => Promise<{ bytes: Uint8Array; thumb: Uint8Array } | null>;
}

/** Every record of the mission, tombstones included (so deletions reach the other device). */
export async function loadMissionArchiveData(missionId: string): Promise<MissionArchiveData | null> {
  if (!(await db.missions.get(missionId))) return null;
  const lists = await Promise.all(ARCHIVED_TABLES.map((t) => missionRecords(t, missionId)));
  return {
    tables: Object.fromEntries(ARCHIVED_TABLES.map((t, i) => [t, lists[i]])) as Record<ArchivedTable, unknown[]>,
    photo: async (hash) => {
      const stored = await db.photoBlobs.get(hash);
      if (!stored) return null;
      const [bytes, thumb] = await Promise.all([stored.blob.arrayBuffer(), stored.thumb.arrayBuffer()]);
      return { bytes: new Uint8Array(bytes), thumb: new Uint8Array(thumb) };
    },
  };
}
