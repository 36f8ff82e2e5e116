// Slows down password guessing without letting a stranger lock anyone out. Failures are counted
// per key in the database (table login_throttle), so every server process shares them and a
// restart forgets nothing:
// - per (e-mail, client address) pair, or per known device (auth/knownDevices.ts) when the login
//   comes from a device that logged in to this account before: after 5 failures (PAIR_RULE), each
//   further attempt must wait 1 s, 2 s, 4 s… up to 15 minutes;
// - per client address (an IPv6 address counts by its /64 block): the same growing delays after
//   100 failures (ADDRESS_RULE), generous because many phones share one carrier address (NAT).
// A stranger's failures thus slow only the stranger's own pair and address: the account's owner on
// their own device is never delayed by them (a known device skips the address limit too). A refused attempt is answered before any password is
// hashed, so an attacker cannot make the server spend scrypt work once throttled.
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type { Db } from '../db/database';

export interface ThrottleRule {
  /** Failures allowed without any delay. */
  freeFailures: number;
  /** A key whose last failure is this old (and whose delay is over) starts again from zero. */
  forgetAfterMs: number;
}

export const PAIR_RULE: ThrottleRule = { freeFailures: 5, forgetAfterMs: 60 * 60 * 1000 };
export const ADDRESS_RULE: ThrottleRule = { freeFailures: 100, forgetAfterMs: 15 * 60 * 1000 };
export const FIRST_DELAY_MS = 1000;
export const MAX_DELAY_MS = 15 * 60 * 1000;
/** Above this many rows, the oldest are dropped by the hourly clean-up (auth/housekeeping.ts). */
export const LOGIN_THROTTLE_MAX_ROWS = 100_000;

export interface ThrottleKey {
  key: string;
  rule: ThrottleRule;
}

/** How long a key must wait after its n-th failure: nothing, then 1 s, 2 s, 4 s… capped. */
export function delayAfterFailures(failures: number, rule: ThrottleRule): number {
  if (failures < rule.freeFailures) return 0;
  return Math.min(FIRST_DELAY_MS * 2 ** Math.min(failures - rule.freeFailures, 30), MAX_DELAY_MS);
}

// Keys are hashed: fixed length whatever the e-mail, and no list of tried e-mails in the database.
const hashed = (kind: string, ...parts: string[]) =>
  `${kind}:${createHash('sha256').update(parts.join('\n')).digest('hex')}`;

/** The first 64 bits of an IPv6 address (one household or phone usually holds a whole /64). */
export function addressBlock(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g || '0', 16).toString(16))
    .join(':')}::/64`;
}

export const pairKey = (email: string, address: string): ThrottleKey => ({
  key: hashed('pair', email, address),
  rule: PAIR_RULE,
});
export const addressKey = (address: string): ThrottleKey => ({
  key: hashed('address', addressBlock(address)),
  rule: ADDRESS_RULE,
});
export const deviceKey = (deviceTokenHash: string, userId: string): ThrottleKey => ({
  key: hashed('device', deviceTokenHash, userId),
  rule: PAIR_RULE,
});

/**
 * Takes one attempt for these keys: refused (seconds to wait) while any of them is delayed,
 * otherwise counted as a failure right away (before the password is hashed, so parallel guesses
 * cannot all slip through; `recordSuccess` takes it back). The rows are locked for the check and
 * the count, so two processes cannot both take the last free attempt.
 */
export async function takeAttempt(db: Db, keys: ThrottleKey[], now = new Date()): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await takeAttemptOnce(db, keys, now);
    } catch (err) {
      // PostgreSQL may pick this transaction as a deadlock victim against the hourly clean-up
      // (which deletes rows in its own order): run it again rather than answer a 500.
      const code = (err as { code?: string }).code;
      if (attempt >= 3 || (code !== '40P01' && code !== '40001')) throw err;
    }
  }
}

/**
 * `blocked_until` of a key that does not have to wait: long past, not "now". Attempts run at once
 * read each other's rows with clocks a few milliseconds apart (a lock waited for, another machine),
 * and a free attempt must not look blocked until the other's "now".
 */
const NOT_BLOCKED = new Date(0).toISOString();

async function takeAttemptOnce(db: Db, keys: ThrottleKey[], now: Date): Promise<number> {
  const nowIso = now.toISOString();
  const sorted = [...keys].sort((a, b) => a.key.localeCompare(b.key));
  return db.transaction().execute(async (trx) => {
    const rows = [];
    for (const { key, rule } of sorted) {
      // Insert-or-touch: on PostgreSQL this locks the row until commit (in the same key order in
      // every process, so no deadlock); on SQLite it takes the database's write lock.
      const row = await trx
        .insertInto('login_throttle')
        .values({ key, failures: 0, last_failure_at: nowIso, blocked_until: NOT_BLOCKED })
        .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ failures: eb.ref('login_throttle.failures') })))
        .returning(['failures', 'last_failure_at', 'blocked_until'])
        .executeTakeFirstOrThrow();
      const forgotten =
        now.getTime() - Date.parse(row.last_failure_at) >= rule.forgetAfterMs &&
        Date.parse(row.blocked_until) <= now.getTime();
      rows.push({
        key,
        rule,
        failures: forgotten ? 0 : Number(row.failures),
        blockedUntil: Date.parse(row.blocked_until),
      });
    }
    const waitMs = Math.max(0, ...rows.map((r) => r.blockedUntil - now.getTime()));
    if (waitMs > 0) return Math.ceil(waitMs / 1000);
    for (const row of rows) {
      const failures = row.failures + 1;
      const delay = delayAfterFailures(failures, row.rule);
      const blockedUntil = delay > 0 ? new Date(now.getTime() + delay).toISOString() : NOT_BLOCKED;
      await trx
        .updateTable('login_throttle')
        .set({ failures, last_failure_at: nowIso, blocked_until: blockedUntil })
        .where('key', '=', row.key)
        .execute();
    }
    return 0;
  });
}

/**
 * The attempt was right: the pair's (or device's) failures are forgotten, and the attempt taken
 * from the address is given back (a good login must not bring a shared address nearer its limit,
 * nor may it wipe the failures others made from there).
 */
export async function recordSuccess(db: Db, personal: ThrottleKey, address: ThrottleKey | null): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', personal.key).execute();
  if (!address) return;
  await db
    .updateTable('login_throttle')
    .set((eb) => ({ failures: eb('failures', '-', 1) }))
    .where('key', '=', address.key)
    .where('failures', '>', 0)
    .execute();
}

/** Drops rows that no longer delay anything, then the oldest ones beyond LOGIN_THROTTLE_MAX_ROWS. */
export async function purgeLoginThrottle(db: Db, now = new Date(), maxRows = LOGIN_THROTTLE_MAX_ROWS): Promise<void> {
  const longestMemory = Math.max(PAIR_RULE.forgetAfterMs, ADDRESS_RULE.forgetAfterMs);
  await db
    .deleteFrom('login_throttle')
    .where('blocked_until', '<', now.toISOString())
    .where((eb) =>
      eb.or([
        eb('last_failure_at', '<', new Date(now.getTime() - longestMemory).toISOString()),
        // Given back by successes: nothing left to count.
        eb('failures', '=', 0),
      ]),
    )
    .execute();
  const cutoff = await db
    .selectFrom('login_throttle')
    .select('last_failure_at')
    .orderBy('last_failure_at', 'desc')
    .limit(1)
    .offset(maxRows)
    .executeTakeFirst();
  if (cutoff) await db.deleteFrom('login_throttle').where('last_failure_at', '<=', cutoff.last_failure_at).execute();
}
