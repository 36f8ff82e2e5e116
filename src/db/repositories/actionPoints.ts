// Action points (the seed's table: N°, point, action, person responsible, comments, plus a due date
// and a status): kept in IndexedDB (db.actionPoints), written only through the mutation layer so
// each change waits in the outbox. A point keeps its N° for good: minutes refer to points by number.
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { TEXT_MAX } from '../../shared/fieldLimits';
import type { ActionPoint, ActionStatus, Mission } from '../../shared/model';
import { deleteRecord, insertRecord, newRecordBase, updateRecord } from '../mutations';
import { db } from '../schema';
import { checkText, type FieldErrors, isDay, ValidationError } from './missions';

export interface ActionPointDraft {
  point: string;
  action: string;
  responsible: string;
  comments: string;
  dueDate: string;
  status: ActionStatus;
}

async function listActionPoints(missionId: string): Promise<ActionPoint[]> {
  const points = await db.actionPoints
    .where('[missionId+number]')
    .between([missionId, Dexie.minKey], [missionId, Dexie.maxKey])
    .toArray();
  return points.filter((p) => !p.deletedAt);
}

export function useActionPoints(missionId: string): ActionPoint[] | undefined {
  return useLiveQuery(() => listActionPoints(missionId), [missionId]);
}

export function useActionPoint(id: string): ActionPoint | null | undefined {
  return useLiveQuery(async () => {
    const point = await db.actionPoints.get(id);
    return point && !point.deletedAt ? point : null;
  }, [id]);
}

export interface OpenActionPoint {
  point: ActionPoint;
  mission: Pick<Mission, 'id' | 'title'>;
}

/** Points not done, across every mission: the earliest due first, undated last. */
export function useOpenActionPoints(): OpenActionPoint[] | undefined {
  return useLiveQuery(async () => {
    const [open, missions] = await Promise.all([
      db.actionPoints.where('status').anyOf('ouvert', 'en_cours').toArray(),
      db.missions.toArray(),
    ]);
    const live = new Map(missions.filter((m) => !m.deletedAt).map((m) => [m.id, m]));
    return open
      .filter((p) => !p.deletedAt && live.has(p.missionId))
      .map((point) => ({ point, mission: live.get(point.missionId)! }))
      .sort(
        (a, b) =>
          Number(a.point.dueDate === '') - Number(b.point.dueDate === '') ||
          a.point.dueDate.localeCompare(b.point.dueDate) ||
          a.mission.title.localeCompare(b.mission.title, 'fr') ||
          a.point.number - b.point.number,
      );
  });
}

export function emptyActionPointDraft(): ActionPointDraft {
  return { point: '', action: '', responsible: '', comments: '', dueDate: '', status: 'ouvert' };
}

export function actionPointToDraft({ point, action, responsible, comments, dueDate, status }: ActionPoint) {
  return { point, action, responsible, comments, dueDate, status };
}

export function validateActionPoint(draft: ActionPointDraft): FieldErrors {
  const errors: FieldErrors = {};
  checkText(errors, 'point', draft.point, TEXT_MAX.actionPoint, true);
  checkText(errors, 'action', draft.action, TEXT_MAX.actionAction);
  checkText(errors, 'responsible', draft.responsible, TEXT_MAX.actionResponsible);
  checkText(errors, 'comments', draft.comments, TEXT_MAX.actionComments);
  if (draft.dueDate !== '' && !isDay(draft.dueDate)) errors.dueDate = 'date-invalid';
  return errors;
}

function actionPointFields(draft: ActionPointDraft) {
  const errors = validateActionPoint(draft);
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return {
    point: draft.point.trim(),
    action: draft.action.trim(),
    responsible: draft.responsible.trim(),
    comments: draft.comments.trim(),
    dueDate: draft.dueDate,
    status: draft.status,
  };
}

/** Adds a point numbered after the mission's last one (taken in the same transaction). */
export async function createActionPoint(missionId: string, draft: ActionPointDraft): Promise<ActionPoint> {
  const fields = actionPointFields(draft);
  return db.transaction('rw', db.actionPoints, db.outbox, async () => {
    const last = Math.max(0, ...(await listActionPoints(missionId)).map((p) => p.number));
    return insertRecord('actionPoints', { ...newRecordBase(missionId), number: last + 1, ...fields });
  });
}

export async function updateActionPoint(id: string, draft: ActionPointDraft): Promise<void> {
  await updateRecord('actionPoints', id, actionPointFields(draft));
}

export async function setActionStatus(id: string, status: ActionStatus): Promise<void> {
  await updateRecord('actionPoints', id, { status });
}

export async function deleteActionPoint(id: string): Promise<void> {
  await deleteRecord('actionPoints', id);
}
