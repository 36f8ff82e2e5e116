// A logged-in person changes their own password: the current one is checked first (a stolen,
// unlocked phone alone is not enough), and every other session of theirs ends.
import type { ChangePasswordRequest, User } from '../../shared/protocol';
import type { Db } from '../db/database';
import { ApiError } from '../errors';
import { hashPassword, verifyPassword } from './passwords';
import { deleteOtherSessions } from './sessions';

export async function changePassword(db: Db, user: User, token: string, request: ChangePasswordRequest) {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirst();
  if (!row || !(await verifyPassword(request.currentPassword, row.password_hash))) {
    throw new ApiError(401, 'wrong-credentials');
  }
  const passwordHash = await hashPassword(request.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', user.id).execute();
    await deleteOtherSessions(trx, user.id, token);
  });
}
