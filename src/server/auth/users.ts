// Accounts and mission membership: who exists, and which missions each person may read and write.
import { ulid } from 'ulid';
import type { CreateUserRequest, User } from '../../shared/protocol';
import type { Db } from '../db/database';
import { ApiError } from '../errors';
import { hashPassword } from './passwords';

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

export async function listUsers(db: Db): Promise<User[]> {
  return db.selectFrom('users').select(['id', 'email', 'name', 'role']).orderBy('email').execute();
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
