// Reads one mission from the device's database for the report, spreadsheet and archive builders
// (read-only: nothing here writes). Photos are handed over as the Blobs IndexedDB keeps, read into
// memory one at a time when a builder asks, so a report with a hundred photos stays light.

import { useLiveQuery } from 'dexie-react-hooks';
import { bundleFromData, type MissionBundle, type MissionBundleData } from '../../report/bundle';
import { DEFAULT_REPORT_SETTINGS, type ReportTexts } from '../../report/settings';
import { REPORT_LOGOS_MAX } from '../../shared/fieldLimits';
import {
  NOTE_STATES,
  type NoteState,
  type RecordOf,
  type ReportSettings,
  SYNCED_TABLES,
  type SyncedTable,
} from '../../shared/model';
import { db as appDb, type TerrainDB } from '../schema';
import { isLogo } from './logos';

/**
 * The tables a mission archive carries. Conflicts are left out: the server makes them and settles
 * them with the members, and it sends them again to any device that syncs the mission.
 */
export const ARCHIVED_TABLES = SYNCED_TABLES.filter((t) => t !== 'conflicts');
export type ArchivedTable = (typeof ARCHIVED_TABLES)[number];

async function missionRecords<T extends SyncedTable>(
  table: T,
  missionId: string,
  db: TerrainDB = appDb,
): Promise<RecordOf<T>[]> {
  if (table === 'missions') {
    const mission = await db.missions.get(missionId);
    return (mission ? [mission] : []) as RecordOf<T>[];
  }
  return (await db.table(table).where('missionId').equals(missionId).toArray()) as RecordOf<T>[];
}

const alive = <T extends { deletedAt?: string | null }>(rows: T[]) => rows.filter((r) => !r.deletedAt);

/**
 * The mission as the report sees it (deleted records left out), with the Blobs of the photos
 * marked for the report; null if the mission does not exist. Its form can be posted to a Worker.
 */
export async function loadMissionBundleData(
  missionId: string,
  { withPhotos = true, db = appDb }: { withPhotos?: boolean; db?: TerrainDB } = {},
): Promise<MissionBundleData | null> {
  const mission = await db.missions.get(missionId);
  if (!mission || mission.deletedAt) return null;
  const [tdrs, participants, communes, notes, photos, actionPoints, reviewComments, settings] = await Promise.all([
    missionRecords('tdrRevisions', missionId, db),
    missionRecords('participants', missionId, db),
    missionRecords('communes', missionId, db),
    missionRecords('visitNotes', missionId, db),
    missionRecords('photos', missionId, db),
    missionRecords('actionPoints', missionId, db),
    missionRecords('reviewComments', missionId, db),
    missionRecords('reportSettings', missionId, db),
  ]);
  // The title page's logos: photo records of usage 'logo', in the order they were added.
  const logoHashes = alive(photos)
    .filter(isLogo)
    .sort((a, b) => a.id.localeCompare(b.id))
    .slice(0, REPORT_LOGOS_MAX)
    .map((p) => p.hash);
  const reportHashes = !withPhotos
    ? []
    : [
        ...new Set([
          ...alive(photos)
            .filter((p) => p.forReport && !isLogo(p))
            .map((p) => p.hash),
          ...logoHashes,
        ]),
      ];
  const stored = await db.photoBlobs.bulkGet(reportHashes);
  const photoBlobs = new Map(stored.flatMap((s) => (s ? [[s.hash, s.blob] as const] : [])));
  return {
    mission,
    tdr: alive(tdrs).sort((a, b) => b.number - a.number)[0] ?? null,
    participants: alive(participants),
    communes: alive(communes),
    notes: alive(notes),
    photos: alive(photos).filter((p) => !isLogo(p)),
    actionPoints: alive(actionPoints),
    reviewComments: alive(reviewComments),
    settings: reportTextsOf(
      alive(settings).find((s) => s.id === missionId),
      logoHashes,
    ),
    photoBlobs,
  };
}

/** The settings record as the report builders read it, with the mission's logos (null: neither). */
function reportTextsOf(settings: ReportSettings | undefined, logoHashes: string[]): ReportTexts | null {
  if (!settings) return logoHashes.length ? { ...DEFAULT_REPORT_SETTINGS, logoHashes } : null;
  const { letterhead, subtitle, synthesis, conclusion, annexes, signedAt, signatories, excludedParts } = settings;
  return { letterhead, subtitle, synthesis, conclusion, annexes, signedAt, signatories, excludedParts, logoHashes };
}

export async function loadMissionBundle(missionId: string): Promise<MissionBundle | null> {
  const data = await loadMissionBundleData(missionId);
  return data && bundleFromData(data);
}

export interface MissionArchiveData {
  tables: Record<ArchivedTable, unknown[]>;
  /** A photo's bytes and thumbnail, or null when this device does not hold them. */
  photo: (hash: string) => Promise<{ bytes: Uint8Array; thumb: Uint8Array } | null>;
}

/** Every record of the mission, tombstones included (so deletions reach the other device). */
export async function loadMissionArchiveData(missionId: string): Promise<MissionArchiveData | null> {
  if (!(await appDb.missions.get(missionId))) return null;
  const lists = await Promise.all(ARCHIVED_TABLES.map((t) => missionRecords(t, missionId)));
  return {
    tables: Object.fromEntries(ARCHIVED_TABLES.map((t, i) => [t, lists[i]])) as Record<ArchivedTable, unknown[]>,
    photo: async (hash) => {
      const stored = await appDb.photoBlobs.get(hash);
      if (!stored) return null;
      const [bytes, thumb] = await Promise.all([stored.blob.arrayBuffer(), stored.thumb.arrayBuffer()]);
      return { bytes: new Uint8Array(bytes), thumb: new Uint8Array(thumb) };
    },
  };
}

/**
 * The mission as the report sees it, kept up to date, without the photos' bytes: what the report
 * tab's chart and the overview's map are drawn from.
 */
export function useMissionBundlePreview(missionId: string): MissionBundle | null | undefined {
  return useLiveQuery(async () => {
    const data = await loadMissionBundleData(missionId, { withPhotos: false });
    return data && bundleFromData(data);
  }, [missionId]);
}

/** How many visit notes of the mission are in each state (live), to choose what the report takes. */
export function useNoteStateCounts(missionId: string): Record<NoteState, number> | undefined {
  return useLiveQuery(async () => {
    const counts = Object.fromEntries(NOTE_STATES.map((s) => [s, 0])) as Record<NoteState, number>;
    await appDb.visitNotes
      .where('missionId')
      .equals(missionId)
      .each((note) => {
        if (!note.deletedAt) counts[note.state] += 1;
      });
    return counts;
  }, [missionId]);
}
