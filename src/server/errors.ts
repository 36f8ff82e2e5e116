// Errors leave the server as JSON with a stable code and a French message: the app shows the
// message, tests and logs read the code. Nothing unexpected becomes a bare 500 page.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ErrorCode, errorMessages } from '../shared/errors';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(code);
  }
}

export function errorBody(code: ErrorCode, details?: unknown) {
  return { error: { code, message: errorMessages[code], ...(details === undefined ? {} : { details }) } };
}

export function sendError(c: Context, status: ContentfulStatusCode, code: ErrorCode, details?: unknown) {
  return c.json(errorBody(code, details), status);
}
