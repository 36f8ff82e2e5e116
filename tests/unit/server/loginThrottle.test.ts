// The login throttle on its own, on the real database, with a clock the test moves (no waiting).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADDRESS_RULE,
  addressBlock,
  addressKey,
  delayAfterFailures,
  MAX_DELAY_MS,
  PAIR_RULE,
  pairKey,
  purgeLoginThrottle,
  recordSuccess,
  takeAttempt,
} from '../../../src/server/auth/loginThrottle';
import { makeTestServer, type TestServer } from './support';

let server: TestServer;
beforeAll(async () => {
  server = await makeTestServer();
});
afterAll(() => server.close());

let counter = 0;
/** Fresh keys and a clock per test, later than the real one: tests share one database. */
function scenario() {
  counter += 1;
  const clock = { now: Date.UTC(2030, 0, 1) + counter * 1e9 };
  const at = () => new Date(clock.now);
  const pair = pairKey(`agent${counter}@exemple.test`, `10.1.0.${counter}`);
  const address = addressKey(`10.1.0.${counter}`);
  const attempt = (keys = [pair, address]) => takeAttempt(server.db, keys, at());
  return { clock, pair, address, attempt, at };
}

describe('login throttle', () => {
  it('delays grow 1 s, 2 s, 4 s… after the free failures, capped at 15 minutes', () => {
    expect(delayAfterFailures(PAIR_RULE.freeFailures - 1, PAIR_RULE)).toBe(0);
    expect(delayAfterFailures(PAIR_RULE.freeFailures, PAIR_RULE)).toBe(1000);
    expect(delayAfterFailures(PAIR_RULE.freeFailures + 1, PAIR_RULE)).toBe(2000);
    expect(delayAfterFailures(PAIR_RULE.freeFailures + 2, PAIR_RULE)).toBe(4000);
    expect(delayAfterFailures(PAIR_RULE.freeFailures + 40, PAIR_RULE)).toBe(MAX_DELAY_MS);
    expect(delayAfterFailures(99, ADDRESS_RULE)).toBe(0);
  });

  it('allows five attempts, then makes the pair wait, refusing without counting while it waits', async () => {
    const { clock, attempt } = scenario();
    for (let i = 0; i < 5; i++) expect(await attempt()).toBe(0);
    expect(await attempt()).toBe(1);
    clock.now += 1000;
    expect(await attempt()).toBe(0); // the 6th failure: now 2 s
    expect(await attempt()).toBe(2);
    clock.now += 1500;
    expect(await attempt()).toBe(1);
    clock.now += 500;
    expect(await attempt()).toBe(0); // 7th: 4 s
    expect(await attempt()).toBe(4);
  });

  it('refuses parallel attempts beyond the free ones (the count is taken before the password is checked)', async () => {
    const { attempt } = scenario();
    const waits = await Promise.all(Array.from({ length: 12 }, () => attempt()));
    expect(waits.filter((w) => w === 0)).toHaveLength(5);
  });

  // Two logins at once: the second may read the row after the first wrote it, with a clock a few
  // milliseconds older (it waited for the row's lock, or runs on another machine). Free attempts
  // must stay free: a team logging in together behind one address once got 12 of 20 refused.
  it('does not refuse a free attempt whose clock is a little behind the attempt before it', async () => {
    const { clock, pair, address, attempt } = scenario();
    expect(await attempt([pair, address])).toBe(0);
    clock.now -= 5;
    expect(await attempt([address])).toBe(0);
    expect(await attempt([pairKey('autre@exemple.test', '10.1.0.250'), address])).toBe(0);
  });

  it('a success forgets the pair and gives back the address attempt', async () => {
    const { pair, address, attempt } = scenario();
    for (let i = 0; i < 4; i++) await attempt();
    await attempt();
    await recordSuccess(server.db, pair, address);
    for (let i = 0; i < 5; i++) expect(await attempt()).toBe(0);
    const row = await server.db
      .selectFrom('login_throttle')
      .select('failures')
      .where('key', '=', address.key)
      .executeTakeFirstOrThrow();
    expect(Number(row.failures)).toBe(9);
  });

  it('forgets a pair an hour after its last failure', async () => {
    const { clock, attempt } = scenario();
    for (let i = 0; i < 8; i++) await attempt();
    clock.now += PAIR_RULE.forgetAfterMs;
    for (let i = 0; i < 5; i++) expect(await attempt()).toBe(0);
  });

  it('limits one address over many e-mails, generously (100 failures), then with growing delays', async () => {
    const { clock, address } = scenario();
    const at = () => new Date(clock.now);
    for (let i = 0; i < ADDRESS_RULE.freeFailures; i++) {
      expect(await takeAttempt(server.db, [pairKey(`n${i}@exemple.test`, 'x'), address], at())).toBe(0);
    }
    expect(await takeAttempt(server.db, [pairKey('autre@exemple.test', 'x'), address], at())).toBe(1);
  });

  it('counts an IPv6 address by its /64 block', () => {
    expect(addressBlock('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressBlock('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressBlock('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBlock('196.200.1.2')).toBe('196.200.1.2');
    expect(addressKey('2001:db8:1:2::5').key).toBe(addressKey('2001:db8:1:2:ffff::9').key);
  });

  it('keeps counts in the database, where the clean-up drops finished rows and caps the table', async () => {
    const { clock, attempt, pair } = scenario();
    await attempt();
    const at = () => new Date(clock.now);
    for (let i = 0; i < 5; i++) await takeAttempt(server.db, [pairKey(`cap${counter}-${i}@exemple.test`, 'y')], at());
    const stored = await server.db.selectFrom('login_throttle').select('key').where('key', '=', pair.key).execute();
    expect(stored).toHaveLength(1);
    // Capped: only the newest rows are kept.
    clock.now += 1000;
    await takeAttempt(server.db, [pairKey(`newest${counter}@exemple.test`, 'y')], at());
    await purgeLoginThrottle(server.db, at(), 3);
    expect(
      Number(
        (
          await server.db
            .selectFrom('login_throttle')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBeLessThanOrEqual(3);
    // Finished rows go.
    clock.now += 2 * 60 * 60 * 1000;
    await purgeLoginThrottle(server.db, at());
    const left = await server.db.selectFrom('login_throttle').select('key').execute();
    expect(left).toHaveLength(0);
  });
});
