// Missions (title, project, dates, status, vehicles): kept in IndexedDB (db.missions), read with live
// queries and written only through the mutation layer, so each change also waits in the outbox for
// the server. Forms hand in drafts (what was typed); the records are built and checked here.
import { useLiveQuery } from 'dexie-react-hooks';
import { TEXT_MAX, VEHICLE_SEATS } from '../../shared/fieldLimits';
import type { Mission, MissionStatus } from '../../shared/model';
import { newId } from '../ids';
import { insertRecord, newRecordBase, updateRecord } from '../mutations';
import { db } from '../schema';

/** Why a value is refused; the screens turn each code into a French message next to its field. */
export type ValidationCode =
  | 'required'
  | 'too-long'
  | 'date-invalid'
  | 'end-before-start'
  | 'date-outside-mission'
  | 'seats-invalid'
  | 'phone-invalid'
  | 'email-invalid'
  | 'lat-invalid'
  | 'lon-invalid'
  | 'position-incomplete'
  | 'tdr-empty'
  | 'tdr-unchanged'
  | 'nothing-to-import'
  | 'no-valid-row';

/** Refusals by field path (`title`, `vehicles.0.seats`; `root` for the form as a whole). */
export type FieldErrors = Record<string, ValidationCode>;

/** Thrown by a repository given a draft its form should have refused. */
export class ValidationError extends Error {
  constructor(readonly errors: FieldErrors) {
    super(`invalid: ${Object.keys(errors).join(', ')}`);
  }
}

export const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

/** Adds `required` / `too-long` for a text field. */
export function checkText(errors: FieldErrors, path: string, value: string, max: number, required = false) {
  if (required && value.trim() === '') errors[path] = 'required';
  else if (value.length > max) errors[path] = 'too-long';
}

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

/** A vehicle as typed: seats stay text until saved, so "4 places" is shown back with its error. */
export interface VehicleDraft {
  id: string;
  label: string;
  driver: string;
  seats: string;
}

export interface MissionDraft {
  title: string;
  project: string;
  startDate: string;
  endDate: string;
  status: MissionStatus;
  vehicles: VehicleDraft[];
}

export function emptyMissionDraft(): MissionDraft {
  return { title: '', project: '', startDate: '', endDate: '', status: 'preparation', vehicles: [] };
}

export function emptyVehicleDraft(): VehicleDraft {
  return { id: newId(), label: '', driver: '', seats: '' };
}

export function missionToDraft(mission: Mission): MissionDraft {
  const { title, project, startDate, endDate, status } = mission;
  const vehicles = mission.vehicles.map((v) => ({ ...v, seats: String(v.seats) }));
  return { title, project, startDate, endDate, status, vehicles };
}

export function validateMission(draft: MissionDraft): FieldErrors {
  const errors: FieldErrors = {};
  checkText(errors, 'title', draft.title, TEXT_MAX.missionTitle, true);
  checkText(errors, 'project', draft.project, TEXT_MAX.missionProject);
  if (draft.startDate === '') errors.startDate = 'required';
  else if (!isDay(draft.startDate)) errors.startDate = 'date-invalid';
  if (draft.endDate === '') errors.endDate = 'required';
  else if (!isDay(draft.endDate)) errors.endDate = 'date-invalid';
  else if (!errors.startDate && draft.endDate < draft.startDate) errors.endDate = 'end-before-start';
  draft.vehicles.forEach((vehicle, i) => {
    checkText(errors, `vehicles.${i}.label`, vehicle.label, TEXT_MAX.vehicleLabel, true);
    checkText(errors, `vehicles.${i}.driver`, vehicle.driver, TEXT_MAX.vehicleDriver);
    const seats = Number(vehicle.seats);
    if (!/^\s*\d+\s*$/.test(vehicle.seats) || seats < VEHICLE_SEATS.min || seats > VEHICLE_SEATS.max)
      errors[`vehicles.${i}.seats`] = 'seats-invalid';
  });
  return errors;
}

function missionFields(draft: MissionDraft) {
  const errors = validateMission(draft);
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return {
    title: draft.title.trim(),
    project: draft.project.trim(),
    startDate: draft.startDate,
    endDate: draft.endDate,
    status: draft.status,
    vehicles: draft.vehicles.map((v) => ({
      id: v.id || newId(),
      label: v.label.trim(),
      driver: v.driver.trim(),
      seats: Number(v.seats),
    })),
  };
}

export async function createMission(draft: MissionDraft): Promise<Mission> {
  return insertRecord('missions', { ...newRecordBase(), ...missionFields(draft) });
}

export async function updateMission(id: string, draft: MissionDraft): Promise<void> {
  await updateRecord('missions', id, missionFields(draft));
}

export interface MissionSummary {
  participants: number;
  communes: number;
  tdrRevision: number | null;
  openActionPoints: number;
}

/** How far the preparation is: counts shown on the mission's overview. */
export function useMissionSummary(missionId: string): MissionSummary | undefined {
  return useLiveQuery(async () => {
    const live = <T extends { deletedAt?: string | null }>(rows: T[]) => rows.filter((r) => !r.deletedAt);
    const [participants, communes, revisions, points] = await Promise.all([
      db.participants.where('missionId').equals(missionId).toArray(),
      db.communes.where('missionId').equals(missionId).toArray(),
      db.tdrRevisions.where('missionId').equals(missionId).toArray(),
      db.actionPoints.where('missionId').equals(missionId).toArray(),
    ]);
    const numbers = live(revisions).map((r) => r.number);
    return {
      participants: live(participants).length,
      communes: live(communes).length,
      tdrRevision: numbers.length > 0 ? Math.max(...numbers) : null,
      openActionPoints: live(points).filter((p) => p.status !== 'fait').length,
    };
  }, [missionId]);
}
