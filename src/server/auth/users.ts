// Accounts and mission membership: who exists, and which missions each person may read and write.
import { ulid } from 'ulid';
import { type AdminUser, type CreateUserRequest, type User, userSchema } from '../../shared/protocol';
import type { Db } from '../db/database';
import { ApiError } from '../errors';
import { hashPassword } from './passwords';
import { deleteAllSessions } from './sessions';

export async function createUser(db: Db, input: CreateUserRequest): Promise<User> {
  const user: User = { id: ulid(), email: input.email.toLowerCase(), name: input.name, role: input.role };
  const taken = await db.selectFrom('users').select('id').where('email', '=', user.email).executeTakeFirst();
  if (taken) throw new ApiError(409, 'email-taken');
  await db
    .insertInto('users')
    .values({ ...user, password_hash: await hashPassword(input.password), created_at: new Date().toISOString() })
    .execute();
  return user;
}

export async function listUsers(db: Db): Promise<AdminUser[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'disabled_at'])
    .orderBy('email')
    .execute();
  return rows.map(({ disabled_at, ...user }) => ({ ...user, disabledAt: disabled_at }));
}

/**
 * Disables an account and ends all its sessions in one transaction (its devices are logged out at
 * their next request), or enables it again. An administrator cannot disable themself, so there is
 * always an active administrator left. Idempotent.
 */
export async function setAccountDisabled(db: Db, by: User, userId: string, disabled: boolean): Promise<void> {
  // Same id rule as everywhere (an id that cannot exist is simply not found, never a database error).
  if (!userSchema.shape.id.safeParse(userId).success) throw new ApiError(404, 'not-found');
  if (disabled && userId === by.id) throw new ApiError(409, 'cannot-disable-self');
  await db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'disabled_at'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) throw new ApiError(404, 'not-found');
    if (!disabled) {
      await trx.updateTable('users').set({ disabled_at: null }).where('id', '=', userId).execute();
      return;
    }
    if (user.disabled_at === null) {
      await trx.updateTable('users').set({ disabled_at: new Date().toISOString() }).where('id', '=', userId).execute();
    }
    await deleteAllSessions(trx, userId);
  });
}

/** The missions a user reads and writes: their memberships, or every known mission for an admin. */
export async function missionIdsOf(db: Db, user: User): Promise<string[]> {
  if (user.role === 'admin') {
    const rows = await db
      .selectFrom('records')
      .select('mission_id')
      .where('table_name', '=', 'missions')
      .union(db.selectFrom('mission_members').select('mission_id'))
      .execute();
    return [...new Set(rows.map((r) => r.mission_id))].sort();
  }
  const rows = await db.selectFrom('mission_members').select('mission_id').where('user_id', '=', user.id).execute();
  return rows.map((r) => r.mission_id).sort();
}

export async function isMember(db: Db, user: User, missionId: string): Promise<boolean> {
  if (user.role === 'admin') return true;
  const row = await db
    .selectFrom('mission_members')
    .select('user_id')
    .where('mission_id', '=', missionId)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  return row !== undefined;
}

export async function addMember(db: Db, missionId: string, userId: string): Promise<void> {
  await db
    .insertInto('mission_members')
    .values({ mission_id: missionId, user_id: userId, added_at: new Date().toISOString() })
    .onConflict((oc) => oc.columns(['mission_id', 'user_id']).doNothing())
    .execute();
}

/** Removes a member, remembering the departure so their device's old cursor is not taken for probing. */
export async function removeMember(db: Db, missionId: string, userId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('mission_members')
      .where('mission_id', '=', missionId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return;
    await trx
      .insertInto('mission_departures')
      .values({ mission_id: missionId, user_id: userId, left_at: new Date().toISOString() })
      .onConflict((oc) => oc.columns(['mission_id', 'user_id']).doNothing())
      .execute();
  });
}

/** Missions the user was removed from. */
export async function departedMissionIds(db: Db, userId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('mission_departures').select('mission_id').where('user_id', '=', userId).execute();
  return new Set(rows.map((r) => r.mission_id));
}
