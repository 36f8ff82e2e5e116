// Who is calling: every route but login and health needs `Authorization: Bearer <token>`.
// The user found is put on the context; routes never read the header themselves.
import type { Context, MiddlewareHandler } from 'hono';
import type { User } from '../../shared/protocol';
import type { Db } from '../db/database';
import { ApiError } from '../errors';
import { findSession } from './sessions';
import { missionIdsOf } from './users';

/** `memberships`: the user's missions as read with the session (not an admin's: all missions). */
export type AppEnv = { Variables: { user: User; token: string; memberships: string[] } };

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}

export function requireUser(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (!token) throw new ApiError(401, 'unauthorized');
    const session = await findSession(db, token);
    if (session.status === 'expired') throw new ApiError(401, 'session-expired');
    if (session.status !== 'ok') throw new ApiError(401, 'unauthorized');
    c.set('user', session.user);
    c.set('token', token);
    c.set('memberships', session.memberships);
    await next();
  };
}

/** Whether the caller may reach this mission: an admin any, a member their own (read with the session). */
export function reachesMission(c: Context<AppEnv>, missionId: string): boolean {
  return c.get('user').role === 'admin' || c.get('memberships').includes(missionId);
}

/** The caller's missions: every mission for an admin (read now), a member's own (read with the session). */
export async function callerMissionIds(db: Db, c: Context<AppEnv>): Promise<string[]> {
  const user = c.get('user');
  return user.role === 'admin' ? missionIdsOf(db, user) : c.get('memberships');
}

export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get('user').role !== 'admin') throw new ApiError(403, 'forbidden');
  await next();
};
