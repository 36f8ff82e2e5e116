// The HTTP surface: thin routes under /api, the built app everywhere else. Storage comes in as
// dependencies (database, data folder), so tests build a full app on a temporary folder.
import path from 'node:path';
import { Hono } from 'hono';
import { PROTOCOL_VERSION } from '../shared/constants';
import type { AppEnv } from './auth/middleware';
import type { Db } from './db/database';
import { ApiError, errorBody, sendError } from './errors';
import { inlineStyleHashesOf } from './http/inlineStyleHashes';
import { recordServerError, requestLog } from './http/requestLog';
import { securityHeaders } from './http/securityHeaders';
import { memoryBus } from './live/changeBus';
import { LiveHub } from './live/liveHub';
import { liveRoutes, mountLiveSignals } from './live/routes';
import { photoRoutes } from './photos/routes';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { syncRoutes } from './routes/sync';
import { mountStaticApp } from './static';

export interface AppDeps {
  distDir: string;
  version: string;
  db: Db;
  dataDir: string;
  /** A reverse proxy is in front (TRUST_PROXY=1): believe its X-Forwarded-For and -Proto. */
  trustProxy?: boolean;
  /** The clock of login throttling (tests move it instead of waiting). */
  now?: () => Date;
  /** Open live streams (GET /api/events); one on an in-process bus when not given (SQLite, tests). */
  live?: LiveHub;
}

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const trustProxy = deps.trustProxy ?? false;
  // Outermost: one log line per request with its final status, and X-Request-Id on every answer.
  app.use('*', requestLog());
  // First, so its headers land on every answer: API, static files, app shell, errors, tus.
  app.use(
    '*',
    securityHeaders({ trustProxy, inlineStyleHashes: inlineStyleHashesOf(path.join(deps.distDir, 'index.html')) }),
  );

  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(errorBody(err.code, err.details), err.status);
    recordServerError(c, err);
    return sendError(c, 500, 'internal');
  });

  app.get('/api/health', (c) =>
    c.json({ status: 'ok', version: deps.version, protocolVersion: PROTOCOL_VERSION, time: new Date().toISOString() }),
  );
  const live = deps.live ?? new LiveHub(deps.db, memoryBus());
  mountLiveSignals(app, live);
  app.route('/api/auth', authRoutes(deps.db, { trustProxy, now: deps.now }));
  app.route('/api/admin', adminRoutes(deps.db));
  app.route('/api/sync', syncRoutes(deps.db, live));
  app.route('/api/events', liveRoutes(deps.db, live));
  app.route('/api/photos', photoRoutes(deps.db, deps.dataDir));
  app.all('/api/*', (c) => sendError(c, 404, 'not-found'));

  mountStaticApp(app as unknown as Hono, deps.distDir);
  return app;
}
