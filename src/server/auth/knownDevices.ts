// Devices that logged in before. A successful login gives the browser a random device token in an
// HttpOnly cookie (sent only to /api/auth, same site only); the server keeps its SHA-256 per account.
// A later login to that account presenting the cookie is throttled on its own (per device), not per
// (e-mail, address): strangers guessing the password from elsewhere, or from the same carrier
// address, cannot delay the owner's phone (see loginThrottle.ts).
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database';

export const DEVICE_COOKIE = 'terrain_device';
export const DEVICE_COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;
/** Devices remembered per account: the most recent ones; an older phone just counts as new again. */
export const DEVICES_PER_USER = 20;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const hashDeviceToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A token from the cookie, if it looks like one the server made (anything else is ignored). */
export function parseDeviceToken(cookieValue: string | undefined): string | null {
  return cookieValue && TOKEN_PATTERN.test(cookieValue) ? cookieValue : null;
}

export const newDeviceToken = () => randomBytes(32).toString('base64url');

export async function isKnownDevice(db: Db, token: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('known_devices')
    .select('user_id')
    .where('token_hash', '=', hashDeviceToken(token))
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Remembers (or refreshes) the device for this account, keeping the DEVICES_PER_USER most recent. */
export async function rememberDevice(db: Db, token: string, userId: string, now = new Date()): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto('known_devices')
    .values({ token_hash: hashDeviceToken(token), user_id: userId, created_at: at, last_login_at: at })
    .onConflict((oc) => oc.columns(['token_hash', 'user_id']).doUpdateSet({ last_login_at: at }))
    .execute();
  const oldestKept = await db
    .selectFrom('known_devices')
    .select('last_login_at')
    .where('user_id', '=', userId)
    .orderBy('last_login_at', 'desc')
    .limit(1)
    .offset(DEVICES_PER_USER - 1)
    .executeTakeFirst();
  if (oldestKept) {
    await db
      .deleteFrom('known_devices')
      .where('user_id', '=', userId)
      .where('last_login_at', '<', oldestKept.last_login_at)
      .execute();
  }
}
