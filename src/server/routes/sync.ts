// Push and pull. Thin: read and check the body (size, gzip, protocol version, batch size, schema),
// then hand over to sync/push.ts and sync/pull.ts. Answers are gzip-compressed when the app accepts it.
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { PROTOCOL_VERSION, PUSH_BATCH_MAX_MUTATIONS, REQUEST_MAX_BYTES } from '../../shared/constants';
import { type PushResponse, pullRequestSchema, pushRequestSchema } from '../../shared/protocol';
import { type AppEnv, callerMissionIds, requireUser } from '../auth/middleware';
import type { Db } from '../db/database';
import { ApiError } from '../errors';
import { rejectLargeBodies } from '../http/bodyLimit';
import { parseWith, readJsonValue } from '../http/readJson';
import { logSyncBatch } from '../http/requestLog';
import type { LiveHub } from '../live/liveHub';
import { writtenMissions } from '../live/routes';
import { pullChanges } from '../sync/pull';
import { applyPush } from '../sync/push';

/** Checks that must win over schema errors: an old app is told to update, a huge batch to split. */
function precheck(body: unknown): void {
  if (!body || typeof body !== 'object') return;
  const { protocolVersion, mutations } = body as { protocolVersion?: unknown; mutations?: unknown };
  if (typeof protocolVersion === 'number' && protocolVersion !== PROTOCOL_VERSION) {
    throw new ApiError(426, 'protocol-version', { server: PROTOCOL_VERSION });
  }
  if (Array.isArray(mutations) && mutations.length > PUSH_BATCH_MAX_MUTATIONS) {
    throw new ApiError(400, 'batch-too-large', { max: PUSH_BATCH_MAX_MUTATIONS });
  }
}

export function syncRoutes(db: Db, live?: LiveHub): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireUser(db), rejectLargeBodies(REQUEST_MAX_BYTES), compress());
  routes.post('/push', async (c) => {
    const body = await readJsonValue(c);
    precheck(body);
    const request = parseWith(pushRequestSchema, body);
    const response: PushResponse = { results: await applyPush(db, c.get('user'), request, c.get('memberships')) };
    logSyncBatch(c, request.clientId, response.results);
    // Committed: the other open apps of these missions pull now (GET /api/events). Never delays or
    // fails the answer; a missed signal is caught up at the next sync.
    live?.missionsChanged(writtenMissions(response.results), c.get('token')).catch(() => undefined);
    return c.json(response);
  });
  routes.post('/pull', async (c) => {
    const body = await readJsonValue(c);
    precheck(body);
    return c.json(
      await pullChanges(db, c.get('user'), parseWith(pullRequestSchema, body), {
        missions: await callerMissionIds(db, c),
      }),
    );
  });
  return routes;
}
