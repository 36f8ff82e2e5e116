// Administration: accounts (administrators only) and, in adminMissions.ts, missions and their teams.
import { Hono } from 'hono';
import { REQUEST_MAX_BYTES } from '../../shared/constants';
import { createUserRequestSchema } from '../../shared/protocol';
import { type AppEnv, requireAdmin, requireUser } from '../auth/middleware';
import { createUser, listUsers, setAccountDisabled } from '../auth/users';
import type { Db } from '../db/database';
import { ApiError } from '../errors';
import { rejectLargeBodies } from '../http/bodyLimit';
import { readJson } from '../http/readJson';
import { teamCandidates } from '../missions/missionTeams';
import { mayPrepareMissions } from '../missions/teamAccess';
import { adminMissionRoutes, idParam } from './adminMissions';

export function adminRoutes(db: Db): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireUser(db), rejectLargeBodies(REQUEST_MAX_BYTES));
  // Missions, teams and the people to pick them from: coordinators too (their own missions).
  routes.route('/missions', adminMissionRoutes(db));
  routes.get('/accounts', async (c) => {
    if (!mayPrepareMissions(c.get('user'))) throw new ApiError(403, 'forbidden');
    return c.json({ accounts: await teamCandidates(db) });
  });
  // Everything else (accounts): administrators only.
  routes.use('*', requireAdmin);
  routes.get('/users', async (c) => c.json({ users: await listUsers(db) }));
  routes.post('/users', async (c) => {
    const user = await createUser(db, await readJson(c, createUserRequestSchema));
    return c.json({ user }, 201);
  });
  // Disabling ends every session of the account at once; enabling lets it log in again.
  routes.post('/users/:userId/disable', async (c) => {
    await setAccountDisabled(db, c.get('user'), idParam(c.req.param('userId')), true);
    return c.body(null, 204);
  });
  routes.post('/users/:userId/enable', async (c) => {
    await setAccountDisabled(db, c.get('user'), idParam(c.req.param('userId')), false);
    return c.body(null, 204);
  });
  return routes;
}
