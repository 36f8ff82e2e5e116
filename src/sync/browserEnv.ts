// The browser's side of the scheduler: network and visibility events, timers.
import type { SchedulerEnv } from './scheduler';

export const browserSchedulerEnv: SchedulerEnv = {
  isOnline: () => navigator.onLine,
  isVisible: () => document.visibilityState === 'visible',
  onOnline(listener) {
    window.addEventListener('online', listener);
    return () => window.removeEventListener('online', listener);
  },
  onVisible(listener) {
    const onChange = () => {
      if (document.visibilityState === 'visible') listener();
    };
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  },
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The page is hidden (app switched away, screen off, tab closing): its timers may never fire. */
export function onPageHidden(listener: () => void): () => void {
  const onChange = () => {
    if (document.visibilityState === 'hidden') listener();
  };
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}
