// Session tokens: 32 random bytes given to the app once at login, kept on the device so it can work
// offline for days; the server stores only their SHA-256 with an expiry. The expiry slides: a session
// used after half its 30 days gets 30 days again, so someone who syncs at least every two weeks never
// has to log in again, while a phone left unused for 30 days does (one write per two weeks per phone).
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { User } from '../../shared/protocol';
import { type Db, isPostgres } from '../db/database';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, userId: string, now = new Date()) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  await db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), user_id: userId, created_at: now.toISOString(), expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

/**
 * `memberships`: the missions the account is a member of, read with it (one round trip less for
 * each push and pull, which need them; an admin's missions are all missions, read apart).
 */
export type SessionLookup =
  | { status: 'ok'; user: User; memberships: string[] }
  | { status: 'expired' }
  | { status: 'unknown' };

/** The memberships column as read: an array on PostgreSQL, JSON text on SQLite. */
type MembershipsValue = string[] | string;

/** The account's memberships as one column of the lookup. */
function membershipsColumn(db: Db) {
  return isPostgres(db)
    ? sql<MembershipsValue>`(SELECT coalesce(array_agg(mission_id), '{}') FROM mission_members WHERE user_id = users.id)`
    : sql<MembershipsValue>`(SELECT json_group_array(mission_id) FROM mission_members WHERE user_id = users.id)`;
}

/** Sorted as missionIdsOf (users.ts) sorts them. */
function membershipsOf(value: MembershipsValue): string[] {
  const ids = typeof value === 'string' ? (JSON.parse(value) as string[]) : value;
  return [...ids].sort();
}

export async function findSession(db: Db, token: string, now = new Date()): Promise<SessionLookup> {
  if (!TOKEN_PATTERN.test(token)) return { status: 'unknown' };
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.disabled_at',
      'sessions.expires_at',
      membershipsColumn(db).as('memberships'),
    ])
    .where('sessions.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  // A disabled account's sessions are deleted when it is disabled; one made by a login that was
  // already running at that moment is refused here.
  if (!row || row.disabled_at !== null) return { status: 'unknown' };
  const expiresAt = Date.parse(row.expires_at);
  if (expiresAt <= now.getTime()) {
    await deleteSession(db, token);
    return { status: 'expired' };
  }
  if (expiresAt - now.getTime() < SESSION_TTL_MS / 2) {
    await db
      .updateTable('sessions')
      .set({ expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString() })
      .where('token_hash', '=', hashToken(token))
      .execute();
  }
  return {
    status: 'ok',
    user: { id: row.id, email: row.email, name: row.name, role: row.role },
    memberships: membershipsOf(row.memberships),
  };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

/** Ends every session of a user but the one given (after a password change, other devices log in again). */
export async function deleteOtherSessions(db: Db, userId: string, keepToken: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('token_hash', '!=', hashToken(keepToken))
    .execute();
}

/** Ends every session of a user (the account was disabled). */
export async function deleteAllSessions(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Deletes expired sessions (they are refused anyway; this keeps the table small). */
export async function purgeExpiredSessions(db: Db, now = new Date()): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
