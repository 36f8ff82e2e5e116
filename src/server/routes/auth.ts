// Log in (e-mail + password -> session token, throttled), log out, change one's password, and
// "who am I" (user and missions).
import { type Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { UNAUTHENTICATED_REQUEST_MAX_BYTES } from '../../shared/constants';
import { changePasswordRequestSchema, loginRequestSchema, type Session } from '../../shared/protocol';
import { changePassword } from '../auth/changePassword';
import {
  DEVICE_COOKIE,
  DEVICE_COOKIE_MAX_AGE_S,
  hashDeviceToken,
  isKnownDevice,
  newDeviceToken,
  parseDeviceToken,
  rememberDevice,
} from '../auth/knownDevices';
import {
  addressKey,
  deviceKey,
  PAIR_RULE,
  pairKey,
  recordSuccess,
  type ThrottleKey,
  takeAttempt,
} from '../auth/loginThrottle';
import { type AppEnv, requireUser } from '../auth/middleware';
import { DUMMY_HASH, verifyPassword } from '../auth/passwords';
import { createSession, deleteSession } from '../auth/sessions';
import { missionIdsOf } from '../auth/users';
import type { Db } from '../db/database';
import { ApiError, sendError } from '../errors';
import { rejectLargeBodies } from '../http/bodyLimit';
import { cameOverHttps, clientAddress } from '../http/clientRequest';
import { readJson } from '../http/readJson';

export interface AuthOptions {
  /** Believe X-Forwarded-For / X-Forwarded-Proto (TRUST_PROXY=1). */
  trustProxy: boolean;
  now?: () => Date;
}

export function authRoutes(db: Db, options: AuthOptions = { trustProxy: false }): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const smallBody = rejectLargeBodies(UNAUTHENTICATED_REQUEST_MAX_BYTES);
  const now = options.now ?? (() => new Date());

  routes.post('/login', smallBody, async (c) => {
    const { email, password } = await readJson(c, loginRequestSchema, UNAUTHENTICATED_REQUEST_MAX_BYTES);
    const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    // A device that logged in to this account before is throttled on its own: strangers' failures
    // (from anywhere, its own carrier address included) never delay it.
    const deviceToken = parseDeviceToken(getCookie(c, DEVICE_COOKIE));
    const known = row !== undefined && deviceToken !== null && (await isKnownDevice(db, deviceToken, row.id));
    const address = clientAddress(c, options.trustProxy);
    const personal = known ? deviceKey(hashDeviceToken(deviceToken), row.id) : pairKey(email, address);
    const shared = known ? null : addressKey(address);
    // Refused before the password is hashed: once throttled, guessing costs the server nothing.
    const wait = await takeAttempt(db, shared ? [personal, shared] : [personal], now());
    if (wait > 0) return tooManyAttempts(c, wait);
    // An unknown e-mail costs the same hash as a known one: timing does not tell which exist.
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    if (!row || !ok) throw new ApiError(401, 'wrong-credentials');
    await recordSuccess(db, personal, shared);
    // Said only to whoever knows the password: a disabled account is not revealed to guessers.
    if (row.disabled_at !== null) throw new ApiError(403, 'account-disabled');
    const device = deviceToken ?? newDeviceToken();
    await rememberDevice(db, device, row.id);
    setCookie(c, DEVICE_COOKIE, device, {
      path: '/api/auth',
      httpOnly: true,
      sameSite: 'Strict',
      secure: cameOverHttps(c, options.trustProxy),
      maxAge: DEVICE_COOKIE_MAX_AGE_S,
    });
    const { token, expiresAt } = await createSession(db, row.id);
    const session: Session = {
      token,
      expiresAt,
      user: { id: row.id, email: row.email, name: row.name, role: row.role },
    };
    return c.json(session);
  });

  routes.post('/logout', requireUser(db), async (c) => {
    await deleteSession(db, c.get('token'));
    return c.body(null, 204);
  });

  routes.post('/password', requireUser(db), smallBody, async (c) => {
    const request = await readJson(c, changePasswordRequestSchema, UNAUTHENTICATED_REQUEST_MAX_BYTES);
    // Guessing the current password from an open session (a stolen, unlocked phone) is throttled
    // per account; only that account's sessions can reach this, so no stranger can delay it.
    const user = c.get('user');
    const key: ThrottleKey = { key: `password-change:${user.id}`, rule: PAIR_RULE };
    const wait = await takeAttempt(db, [key], now());
    if (wait > 0) return tooManyAttempts(c, wait);
    await changePassword(db, user, c.get('token'), request);
    await recordSuccess(db, key, null);
    return c.body(null, 204);
  });

  routes.get('/me', requireUser(db), async (c) => {
    const user = c.get('user');
    return c.json({ user, missions: await missionIdsOf(db, user) });
  });
  return routes;
}

function tooManyAttempts(c: Context, wait: number): Response {
  c.header('Retry-After', String(wait));
  return sendError(c, 429, 'too-many-attempts', { retryAfterSeconds: wait });
}
