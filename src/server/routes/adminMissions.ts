// Missions and their teams, set from the server: administrators for every mission, coordinators
// for the missions they belong to (and new ones they prepare). Members get 403 forbidden.
import { Hono } from 'hono';
import { isValidId } from '../../shared/ids';
import { createMissionRequestSchema, membershipRequestSchema } from '../../shared/protocol';
import type { AppEnv } from '../auth/middleware';
import { addMember, removeMember } from '../auth/users';
import type { Db } from '../db/database';
import { ApiError } from '../errors';
import { readJson } from '../http/readJson';
import { createMission } from '../missions/createMission';
import { missionTeam, missionTeams } from '../missions/missionTeams';
import { assertCanManageTeam, mayPrepareMissions } from '../missions/teamAccess';

/** A mission or account id from the URL: the shared id rule (U+0000 in SQL broke PostgreSQL). */
export function idParam(value: string): string {
  if (!isValidId(value)) throw new ApiError(400, 'bad-request');
  return value;
}

/** Mounted at /api/admin/missions, behind requireUser. */
export function adminMissionRoutes(db: Db): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', async (c, next) => {
    if (!mayPrepareMissions(c.get('user'))) throw new ApiError(403, 'forbidden');
    await next();
  });
  routes.get('/', async (c) => c.json({ missions: await missionTeams(db, c.get('user')) }));
  // 201 when made now, 200 when this id's mission was already made by the same request (a retry).
  routes.post('/', async (c) => {
    const request = await readJson(c, createMissionRequestSchema);
    const { created } = await createMission(db, c.get('user'), request);
    return c.json({ mission: await missionTeam(db, request.id) }, created ? 201 : 200);
  });
  routes.post('/:missionId/members', async (c) => {
    const missionId = idParam(c.req.param('missionId'));
    await assertCanManageTeam(db, c.get('user'), missionId);
    const { userId } = await readJson(c, membershipRequestSchema);
    const user = await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    if (!user) throw new ApiError(404, 'not-found');
    await addMember(db, missionId, userId);
    return c.body(null, 204);
  });
  routes.delete('/:missionId/members/:userId', async (c) => {
    const missionId = idParam(c.req.param('missionId'));
    const userId = idParam(c.req.param('userId'));
    await assertCanManageTeam(db, c.get('user'), missionId);
    await removeMember(db, missionId, userId);
    return c.body(null, 204);
  });
  return routes;
}
