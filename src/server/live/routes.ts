// GET /api/events: the live stream, with the same bearer session as sync. And the answers after which
// streams must hear something: a committed push (members of its missions pull), a membership change
// (the account pulls), an ended session (its stream closes).
import { Hono, type MiddlewareHandler } from 'hono';
import type { MutationResult } from '../../shared/protocol';
import { type AppEnv, requireUser } from '../auth/middleware';
import type { Db } from '../db/database';
import type { LiveHub } from './liveHub';

export function liveRoutes(db: Db, hub: LiveHub): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/', requireUser(db), (c) => hub.open(c.get('user'), c.get('token')));
  return routes;
}

type Ctx = Parameters<MiddlewareHandler<AppEnv>>[0];
const param = (c: Ctx, name: string) => c.req.param(name) ?? '';

/** Missions in which a push wrote something (what it refused or had applied before changed nothing). */
export const writtenMissions = (results: MutationResult[]) =>
  results.flatMap((result) => (result.status === 'applied' ? [result.record.missionId] : []));

/**
 * Runs `signal` once the route answered 2xx. The signal never changes the answer: what the route
 * did is done, and a stream that misses a signal catches up at its next sync.
 */
export function afterSuccess(signal: (c: Ctx) => Promise<void>) {
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    await next();
    if (c.res.status >= 200 && c.res.status < 300) await signal(c).catch(() => undefined);
  };
  return middleware;
}

/** The signals that follow account and membership changes, mounted on the app before those routes. */
export function mountLiveSignals(app: Hono<AppEnv>, hub: LiveHub): void {
  const sessionsOfCaller = afterSuccess((c) => hub.sessionsEnded(c.get('user').id));
  app.use('/api/auth/logout', sessionsOfCaller);
  app.use('/api/auth/password', sessionsOfCaller);
  app.use(
    '/api/admin/users/:userId/disable',
    afterSuccess((c) => hub.sessionsEnded(param(c, 'userId'))),
  );
  // A mission prepared on the server: its id is in the answer ({mission}), its team pulls it.
  app.on(
    'POST',
    '/api/admin/missions',
    afterSuccess(async (c) => {
      const { mission } = (await c.res.clone().json()) as { mission: { id: string } };
      await hub.missionsChanged([mission.id]);
    }),
  );
  app.on(
    'POST',
    '/api/admin/missions/:missionId/members',
    afterSuccess((c) => hub.missionsChanged([param(c, 'missionId')])),
  );
  app.on(
    'DELETE',
    '/api/admin/missions/:missionId/members/:userId',
    afterSuccess((c) => hub.userMissionsChanged(param(c, 'userId'))),
  );
}
