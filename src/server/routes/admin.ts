// Administration: accounts and who belongs to which mission. Administrators only.
import { Hono } from 'hono';
import { REQUEST_MAX_BYTES } from '../../shared/constants';
import { isValidId } from '../../shared/ids';
import { createUserRequestSchema, membershipRequestSchema, type User } from '../../shared/protocol';
import { type AppEnv, requireAdmin, requireUser } from '../auth/middleware';
import { addMember, createUser, listUsers, removeMember, setAccountDisabled } from '../auth/users';
import type { Db } from '../db/database';
import { ApiError } from '../errors';
import { rejectLargeBodies } from '../http/bodyLimit';
import { readJson } from '../http/readJson';

/** A mission or account id from the URL: the shared id rule (U+0000 in SQL broke PostgreSQL). */
function idParam(value: string): string {
  if (!isValidId(value)) throw new ApiError(400, 'bad-request');
  return value;
}

async function missionsWithMembers(db: Db) {
  const records = await db.selectFrom('records').select(['id', 'data']).where('table_name', '=', 'missions').execute();
  const members = await db
    .selectFrom('mission_members')
    .innerJoin('users', 'users.id', 'mission_members.user_id')
    .select(['mission_members.mission_id', 'users.id', 'users.email', 'users.name', 'users.role'])
    .orderBy('users.name')
    .execute();
  const byMission = new Map<string, { id: string; title: string; members: User[] }>();
  for (const r of records) {
    const title = String((JSON.parse(r.data) as { title?: unknown }).title ?? '');
    byMission.set(r.id, { id: r.id, title, members: [] });
  }
  for (const { mission_id, ...user } of members) {
    const mission = byMission.get(mission_id) ?? { id: mission_id, title: '', members: [] };
    mission.members.push(user);
    byMission.set(mission_id, mission);
  }
  return [...byMission.values()].sort((a, b) => a.title.localeCompare(b.title, 'fr'));
}

export function adminRoutes(db: Db): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireUser(db), requireAdmin, rejectLargeBodies(REQUEST_MAX_BYTES));
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
  routes.get('/missions', async (c) => c.json({ missions: await missionsWithMembers(db) }));
  routes.post('/missions/:missionId/members', async (c) => {
    const missionId = idParam(c.req.param('missionId'));
    const { userId } = await readJson(c, membershipRequestSchema);
    const user = await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    if (!user) throw new ApiError(404, 'not-found');
    await addMember(db, missionId, userId);
    return c.body(null, 204);
  });
  routes.delete('/missions/:missionId/members/:userId', async (c) => {
    await removeMember(db, idParam(c.req.param('missionId')), idParam(c.req.param('userId')));
    return c.body(null, 204);
  });
  return routes;
}
