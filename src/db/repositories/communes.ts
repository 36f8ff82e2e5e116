// The communes on a mission's itinerary (name, cercle, région, planned date, optional position):
// kept in IndexedDB (db.communes), written only through the mutation layer so each change waits in
// the outbox for the server. Listed in itinerary order: by planned date, undated last.
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { TEXT_MAX } from '../../shared/fieldLimits';
import type { Commune, Mission } from '../../shared/model';
import { deleteRecord, insertRecord, newRecordBase, updateRecord } from '../mutations';
import { db } from '../schema';
import { checkText, type FieldErrors, isDay, ValidationError } from './missions';

/** A commune as typed: the position stays text ("14,4939") until saved. */
export interface CommuneDraft {
  name: string;
  region: string;
  cercle: string;
  plannedDate: string;
  lat: string;
  lon: string;
}

const byItinerary = (a: Commune, b: Commune) =>
  Number(a.plannedDate === '') - Number(b.plannedDate === '') ||
  a.plannedDate.localeCompare(b.plannedDate) ||
  a.name.localeCompare(b.name, 'fr');

export function useCommunes(missionId: string): Commune[] | undefined {
  return useLiveQuery(async () => {
    const communes = await db.communes
      .where('[missionId+plannedDate]')
      .between([missionId, Dexie.minKey], [missionId, Dexie.maxKey])
      .toArray();
    return communes.filter((c) => !c.deletedAt).sort(byItinerary);
  }, [missionId]);
}

export function useCommune(id: string): Commune | null | undefined {
  return useLiveQuery(async () => {
    const commune = await db.communes.get(id);
    return commune && !commune.deletedAt ? commune : null;
  }, [id]);
}

export function emptyCommuneDraft(): CommuneDraft {
  return { name: '', region: '', cercle: '', plannedDate: '', lat: '', lon: '' };
}

const coordinateText = (value: number | null) => (value == null ? '' : String(value).replace('.', ','));

export function communeToDraft(c: Commune): CommuneDraft {
  return { ...pickText(c), lat: coordinateText(c.lat), lon: coordinateText(c.lon) };
}

function pickText({ name, region, cercle, plannedDate }: Commune | CommuneDraft) {
  return { name, region, cercle, plannedDate };
}

/** "14,4939" or "-4.18" -> a number; '' -> null; anything else -> NaN. */
function readCoordinate(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^-?\d{1,3}(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The planned date must fall within the mission's dates, when the mission has them. */
export function validateCommune(draft: CommuneDraft, mission: Pick<Mission, 'startDate' | 'endDate'>): FieldErrors {
  const errors: FieldErrors = {};
  checkText(errors, 'name', draft.name, TEXT_MAX.communeName, true);
  checkText(errors, 'region', draft.region, TEXT_MAX.communeRegion);
  checkText(errors, 'cercle', draft.cercle, TEXT_MAX.communeCercle);
  if (draft.plannedDate !== '') {
    if (!isDay(draft.plannedDate)) errors.plannedDate = 'date-invalid';
    else if (draft.plannedDate < mission.startDate || draft.plannedDate > mission.endDate)
      errors.plannedDate = 'date-outside-mission';
  }
  const lat = readCoordinate(draft.lat);
  const lon = readCoordinate(draft.lon);
  if (lat !== null && !(Math.abs(lat) <= 90)) errors.lat = 'lat-invalid';
  if (lon !== null && !(Math.abs(lon) <= 180)) errors.lon = 'lon-invalid';
  if (lat === null && lon !== null) errors.lat = 'position-incomplete';
  if (lon === null && lat !== null) errors.lon = 'position-incomplete';
  return errors;
}

function communeFields(draft: CommuneDraft, mission: Pick<Mission, 'startDate' | 'endDate'>) {
  const errors = validateCommune(draft, mission);
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const text = pickText(draft);
  return {
    name: text.name.replace(/\s+/g, ' ').trim(),
    region: text.region.trim(),
    cercle: text.cercle.trim(),
    plannedDate: text.plannedDate,
    lat: readCoordinate(draft.lat),
    lon: readCoordinate(draft.lon),
  };
}

export async function createCommune(mission: Mission, draft: CommuneDraft): Promise<Commune> {
  return insertRecord('communes', { ...newRecordBase(mission.id), ...communeFields(draft, mission) });
}

export async function updateCommune(mission: Mission, id: string, draft: CommuneDraft): Promise<void> {
  await updateRecord('communes', id, communeFields(draft, mission));
}

export async function deleteCommune(id: string): Promise<void> {
  await deleteRecord('communes', id);
}
