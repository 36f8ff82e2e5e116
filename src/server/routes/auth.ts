// Log in (e-mail + password -> session token, throttled), log out, change one's password, and
// "who am I" (user and missions).
import { type Context, Hono } from 'hono';
import { REQUEST_MAX_BYTES } from '../../shared/constants';
import { changePasswordRequestSchema, loginRequestSchema, type Session } from '../../shared/protocol';
import { changePassword } from '../auth/changePassword';
import { createLoginThrottle, type LoginThrottle } from '../auth/loginThrottle';
import { type AppEnv, requireUser } from '../auth/middleware';
import { DUMMY_HASH, verifyPassword } from '../auth/passwords';
import { createSession, deleteSession } from '../auth/sessions';
import { missionIdsOf } from '../auth/users';
import type { Db } from '../db/database';
import { ApiError, sendError } from '../errors';
import { rejectLargeBodies } from '../http/bodyLimit';
import { readJson } from '../http/readJson';

export function authRoutes(db: Db, throttle: LoginThrottle = createLoginThrottle()): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.post('/login', rejectLargeBodies(REQUEST_MAX_BYTES), async (c) => {
    const { email, password } = await readJson(c, loginRequestSchema);
    // Checked before the password: while locked, even the right password is refused.
    const locked = refuseWhileLocked(c, throttle, email);
    if (locked) return locked;
    // Counted as a failure before hashing, so parallel guesses cannot all slip in; success clears it.
    throttle.recordFailure(email);
    const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    // An unknown e-mail costs the same hash as a known one: timing does not tell which exist.
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    if (!row || !ok) throw new ApiError(401, 'wrong-credentials');
    throttle.recordSuccess(email);
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
  routes.post('/password', requireUser(db), rejectLargeBodies(REQUEST_MAX_BYTES), async (c) => {
    const request = await readJson(c, changePasswordRequestSchema);
    // Guessing the current password from an open session is throttled like a login.
    const email = c.get('user').email;
    const locked = refuseWhileLocked(c, throttle, email);
    if (locked) return locked;
    throttle.recordFailure(email);
    await changePassword(db, c.get('user'), c.get('token'), request);
    throttle.recordSuccess(email);
    return c.body(null, 204);
  });
  routes.get('/me', requireUser(db), async (c) => {
    const user = c.get('user');
    return c.json({ user, missions: await missionIdsOf(db, user) });
  });
  return routes;
}

function refuseWhileLocked(c: Context, throttle: LoginThrottle, email: string): Response | null {
  const wait = throttle.retryAfterSeconds(email);
  if (wait === 0) return null;
  c.header('Retry-After', String(wait));
  return sendError(c, 429, 'too-many-attempts', { retryAfterSeconds: wait });
}
