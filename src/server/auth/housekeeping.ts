// Clean-up that keeps the account tables small: expired sessions and login-throttle rows that no
// longer delay anything. Runs at start and then every hour; the timer is unref'd so it never keeps
// the process alive, and a failed round is logged and retried at the next one.
import type { Db } from '../db/database';
import { purgeLoginThrottle } from './loginThrottle';
import { purgeExpiredSessions } from './sessions';

export const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;

export async function cleanAccounts(db: Db, now = new Date()): Promise<void> {
  await purgeExpiredSessions(db, now);
  await purgeLoginThrottle(db, now);
}

/** Starts the hourly clean-up (first round now); returns a function that stops it. */
export function startAccountHousekeeping(
  db: Db,
  intervalMs = HOUSEKEEPING_INTERVAL_MS,
  log: (message: string, err: unknown) => void = console.error,
): () => void {
  const round = () => cleanAccounts(db).catch((err) => log('Terrain : nettoyage des sessions impossible', err));
  void round();
  const timer = setInterval(round, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
