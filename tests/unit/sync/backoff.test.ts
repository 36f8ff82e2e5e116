import { describe, expect, it } from 'vitest';
import { SYNC_RETRY_MAX_MS, SYNC_RETRY_MIN_MS } from '../../../src/shared/constants';
import { Backoff, backoffDelayMs } from '../../../src/sync/backoff';

const middle = () => 0.5;

describe('back-off between failed syncs', () => {
  it('starts at the minimum and doubles after each failure', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, middle))).toEqual([
      SYNC_RETRY_MIN_MS,
      SYNC_RETRY_MIN_MS * 2,
      SYNC_RETRY_MIN_MS * 4,
      SYNC_RETRY_MIN_MS * 8,
    ]);
  });

  it('never waits longer than the maximum, even after days of failures', () => {
    expect(backoffDelayMs(20, middle)).toBe(SYNC_RETRY_MAX_MS);
    expect(backoffDelayMs(10_000, () => 1)).toBe(SYNC_RETRY_MAX_MS);
  });

  it('spreads retries with jitter but stays within the minimum and maximum', () => {
    for (const n of [1, 2, 5, 8, 30]) {
      for (const r of [0, 0.25, 0.999]) {
        const delay = backoffDelayMs(n, () => r);
        expect(delay).toBeGreaterThanOrEqual(SYNC_RETRY_MIN_MS);
        expect(delay).toBeLessThanOrEqual(SYNC_RETRY_MAX_MS);
      }
    }
    expect(backoffDelayMs(3, () => 0)).toBeLessThan(backoffDelayMs(3, () => 1));
  });

  it('starts again from the minimum after a success', () => {
    const backoff = new Backoff(middle);
    backoff.fail();
    backoff.fail();
    expect(backoff.fail()).toBe(SYNC_RETRY_MIN_MS * 4);
    backoff.reset();
    expect(backoff.fail()).toBe(SYNC_RETRY_MIN_MS);
  });
});
