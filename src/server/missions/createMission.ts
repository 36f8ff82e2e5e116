// A mission prepared on the server by an administrator or a coordinator (POST /api/admin/missions):
// an ordinary `missions` record written through the push path (same schema, version, change
// sequence, author, and its creator becomes a member as with a push), then its team, all in one
// transaction. The app makes the id, so a retry after a lost answer finds the mission it made.
import { ulid } from 'ulid';
import type { z } from 'zod';
import type { Mission } from '../../shared/model';
import type { createMissionRequestSchema, User } from '../../shared/protocol';
import { addMember, isMember } from '../auth/users';
import type { Db } from '../db/database';
import { ApiError } from '../errors';
import { applyMutationsIn } from '../sync/push';
import { loadRecord } from '../sync/records';
import { lockMissions } from '../sync/sequence';
import { mayPrepareMissions } from './teamAccess';

type Request = z.output<typeof createMissionRequestSchema>;

/**
 * The device named as the writer of records the server writes for a person. ':' is outside the id
 * rule (src/shared/ids.ts), so no device has this id and every device pulls the record.
 */
export const SERVER_CLIENT_ID = 'server:admin';

/** The fields a retry sends again: equal means the same request, not another mission on the same id. */
const sameMission = (data: Record<string, unknown>, request: Request) =>
  data.title === request.title &&
  data.project === request.project &&
  data.startDate === request.startDate &&
  data.endDate === request.endDate;

/** Creates the mission and its team; `created` is false for a retry of a mission already made. */
export async function createMission(db: Db, user: User, request: Request): Promise<{ created: boolean }> {
  if (!mayPrepareMissions(user)) throw new ApiError(403, 'forbidden');
  const memberIds = [...new Set(request.members.map((m) => m.userId))];
  return db.transaction().execute(async (trx) => {
    // Before reading: two requests for one id are serialised, the second sees the first's mission.
    await lockMissions(trx, [request.id]);
    if (memberIds.length > 0) {
      const known = await trx.selectFrom('users').select('id').where('id', 'in', memberIds).execute();
      const unknown = memberIds.filter((id) => !known.some((k) => k.id === id));
      if (unknown.length > 0) throw new ApiError(404, 'not-found', { userIds: unknown });
    }
    const existing = await loadRecord(trx, 'missions', request.id);
    if (existing) {
      if (!(await isMember(trx, user, request.id)) || !sameMission(existing.data, request)) {
        throw new ApiError(409, 'mission-exists');
      }
    } else {
      const now = new Date().toISOString();
      const mission: Mission = {
        id: request.id,
        missionId: request.id,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
        title: request.title,
        project: request.project,
        startDate: request.startDate,
        endDate: request.endDate,
        status: 'preparation',
        vehicles: [],
      };
      const [result] = await applyMutationsIn(trx, user, SERVER_CLIENT_ID, [
        {
          mutationId: ulid(),
          table: 'missions',
          recordId: mission.id,
          missionId: mission.id,
          op: 'put',
          changes: mission,
          baseVersion: 0,
        },
      ]);
      // Refused as not-member: people already belong to this id (a mission not synced yet) and the
      // caller is not one of them.
      if (result.status === 'rejected' && result.code === 'not-member') throw new ApiError(409, 'mission-exists');
      if (result.status !== 'applied') throw new ApiError(400, 'invalid-body', { result });
    }
    for (const userId of memberIds) await addMember(trx, request.id, userId);
    return { created: !existing };
  });
}
