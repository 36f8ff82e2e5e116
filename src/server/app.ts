// The HTTP surface: thin routes under /api, the built app everywhere else.
import { Hono } from 'hono';
import { PROTOCOL_VERSION } from '../shared/constants';
import { ApiError, errorBody, sendError } from './errors';
import { mountStaticApp } from './static';

export interface AppDeps {
  distDir: string;
  version: string;
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(errorBody(err.code, err.details), err.status);
    console.error('Terrain server error', err);
    return sendError(c, 500, 'internal');
  });

  app.get('/api/health', (c) =>
    c.json({ status: 'ok', version: deps.version, protocolVersion: PROTOCOL_VERSION, time: new Date().toISOString() }),
  );
  app.all('/api/*', (c) => sendError(c, 404, 'not-found'));

  mountStaticApp(app, deps.distDir);
  return app;
}
