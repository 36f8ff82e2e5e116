// Early refusal of bodies announced as too large (Content-Length), before reading a byte. Bodies
// sent without a length are capped while they are read (readJson.ts), so the limit always holds.
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors';

export function rejectLargeBodies(maxBytes: number): MiddlewareHandler {
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length !== undefined && Number(length) > maxBytes) throw new ApiError(413, 'body-too-large');
    await next();
  };
}
