// One log line per request (time, method, route pattern, status, ms, user id, request id) and one
// per sync batch. The route is the pattern that answered (/api/photos/uploads/:id), not the URL, so
// ids and query strings stay out; the request id is sent back as X-Request-Id so a person reporting
// a problem can quote it. An unexpected error's stack goes into its request's line, never into the
// answer (app.ts answers 500 `internal`).
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { MutationResult } from '../../shared/protocol';
import { errorFields, type LogSink, logSinkFromEnv } from '../log';

interface RequestState {
  requestId: string;
  error?: unknown;
}

/** Per-request state kept beside the context: the app's context type stays as it is. */
const states = new WeakMap<Context, RequestState>();

/** A request id from a proxy in front is kept when it looks like one; otherwise a new one is made. */
const INCOMING_ID = /^[A-Za-z0-9._:-]{8,128}$/;

function routeOf(c: Context): string {
  const route = matchedRoutes(c)[c.req.routeIndex]?.path;
  // A wildcard (the built app's files, unknown /api paths) says nothing: the path does, without query.
  return route && !/^\/?\*$/.test(route) ? route : c.req.path;
}

export function requestLog(sink: LogSink = logSinkFromEnv()): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const state: RequestState = { requestId: incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID() };
    states.set(c, state);
    try {
      await next();
    } finally {
      c.header('X-Request-Id', state.requestId);
      const user = (c.get as (key: string) => { id?: string } | undefined)('user');
      sink({
        msg: 'request',
        method: c.req.method,
        route: routeOf(c),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        user: user?.id ?? null,
        requestId: state.requestId,
        ...(state.error === undefined ? {} : { error: errorFields(state.error) }),
      });
    }
  };
}

/** app.onError calls this for an unexpected error: its stack lands in the request's line. */
export function recordServerError(c: Context, error: unknown, sink: LogSink = logSinkFromEnv()): void {
  const state = states.get(c);
  if (state) state.error = error;
  else sink({ msg: 'error', error: errorFields(error) });
}

/** One line per push batch: how many mutations, and what became of them. */
export function logSyncBatch(
  c: Context,
  clientId: string,
  results: MutationResult[],
  sink: LogSink = logSinkFromEnv(),
): void {
  const count = (status: MutationResult['status']) => results.filter((r) => r.status === status).length;
  sink({
    msg: 'sync-push',
    requestId: states.get(c)?.requestId ?? null,
    user: (c.get as (key: string) => { id?: string } | undefined)('user')?.id ?? null,
    clientId,
    mutations: results.length,
    applied: count('applied'),
    duplicates: count('duplicate'),
    rejected: count('rejected'),
    // Mutations applied with at least one field kept at the server's value (a conflict to settle).
    conflicts: results.filter((r) => r.status === 'applied' && r.conflicts.length > 0).length,
  });
}
