// An operator resets a forgotten password from the server's command line (npm run admin): a new
// random password is set and every session of the account ends, in one transaction, so a phone
// that was logged in with the old password must log in again.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import { hashPassword } from './passwords';
import { deleteAllSessions } from './sessions';

/** A random password of 16 URL-safe characters (96 bits), easy to read out and type once. */
export const randomPassword = () => randomBytes(12).toString('base64url');

/** Sets a new password and ends every session of the account. Returns false when there is no such account. */
export async function resetPassword(db: Db, userId: string, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('id', '=', userId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await deleteAllSessions(trx, userId);
    return true;
  });
}
