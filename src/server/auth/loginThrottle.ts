// Slows down password guessing: failed logins are counted per e-mail in this process's memory
// (several server processes each keep their own count). After LOGIN_MAX_FAILURES failures within
// LOGIN_WINDOW_MS of the first one, every attempt is refused until that window has passed.
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Above this many tracked e-mails, finished windows are swept so guessing cannot fill memory. */
const SWEEP_ABOVE = 10_000;

interface Window {
  start: number;
  failures: number;
}

export interface LoginThrottle {
  /** Seconds to wait before trying again, or 0 when an attempt is allowed now. */
  retryAfterSeconds(key: string): number;
  recordFailure(key: string): void;
  /** A successful login forgets the failures of this key. */
  recordSuccess(key: string): void;
}

export function createLoginThrottle(
  options: { maxFailures?: number; windowMs?: number; now?: () => number } = {},
): LoginThrottle {
  const { maxFailures = LOGIN_MAX_FAILURES, windowMs = LOGIN_WINDOW_MS, now = Date.now } = options;
  const windows = new Map<string, Window>();

  const current = (key: string): Window | undefined => {
    const window = windows.get(key);
    if (window && now() - window.start >= windowMs) {
      windows.delete(key);
      return undefined;
    }
    return window;
  };

  return {
    retryAfterSeconds(key) {
      const window = current(key);
      if (!window || window.failures < maxFailures) return 0;
      return Math.max(1, Math.ceil((window.start + windowMs - now()) / 1000));
    },
    recordFailure(key) {
      const window = current(key);
      if (window) window.failures += 1;
      else windows.set(key, { start: now(), failures: 1 });
      if (windows.size > SWEEP_ABOVE) for (const stale of [...windows.keys()]) current(stale);
    },
    recordSuccess(key) {
      windows.delete(key);
    },
  };
}
