// The login throttle on its own, with a clock the test moves (no waiting).
import { describe, expect, it } from 'vitest';
import { createLoginThrottle, LOGIN_WINDOW_MS } from '../../../src/server/auth/loginThrottle';

function throttleAt(start = 1_000_000) {
  const clock = { now: start };
  return { clock, throttle: createLoginThrottle({ now: () => clock.now }) };
}

describe('login throttle', () => {
  it('allows five failures, then locks the e-mail with the time left in seconds', () => {
    const { clock, throttle } = throttleAt();
    for (let i = 0; i < 5; i++) {
      expect(throttle.retryAfterSeconds('a@exemple.test')).toBe(0);
      throttle.recordFailure('a@exemple.test');
    }
    expect(throttle.retryAfterSeconds('a@exemple.test')).toBe(LOGIN_WINDOW_MS / 1000);
    clock.now += 60_000;
    expect(throttle.retryAfterSeconds('a@exemple.test')).toBe(LOGIN_WINDOW_MS / 1000 - 60);
    expect(throttle.retryAfterSeconds('b@exemple.test')).toBe(0);
  });

  it('unlocks once the window has passed, with a fresh count', () => {
    const { clock, throttle } = throttleAt();
    for (let i = 0; i < 5; i++) throttle.recordFailure('a@exemple.test');
    clock.now += LOGIN_WINDOW_MS;
    expect(throttle.retryAfterSeconds('a@exemple.test')).toBe(0);
    throttle.recordFailure('a@exemple.test');
    expect(throttle.retryAfterSeconds('a@exemple.test')).toBe(0);
  });

  it('forgets the failures of an e-mail after a success', () => {
    const { throttle } = throttleAt();
    for (let i = 0; i < 4; i++) throttle.recordFailure('a@exemple.test');
    throttle.recordSuccess('a@exemple.test');
    for (let i = 0; i < 4; i++) throttle.recordFailure('a@exemple.test');
    expect(throttle.retryAfterSeconds('a@exemple.test')).toBe(0);
  });
});
