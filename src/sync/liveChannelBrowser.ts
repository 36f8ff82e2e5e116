// The live channel (liveChannel.ts) wired to the browser: online/offline and visibility events, the
// stored session (watched in IndexedDB, so a login or logout in any tab reconnects), the same origin
// and the same bearer token as sync.
import { liveQuery } from 'dexie';
import { db } from '../db/schema';
import { appClient } from './client';
import { createLiveChannel, type LiveChannel, type LiveChannelEnv } from './liveChannel';

const browserEnv: LiveChannelEnv = {
  isOnline: () => navigator.onLine,
  isVisible: () => document.visibilityState === 'visible',
  onConditionsChange(listener) {
    window.addEventListener('online', listener);
    window.addEventListener('offline', listener);
    document.addEventListener('visibilitychange', listener);
    return () => {
      window.removeEventListener('online', listener);
      window.removeEventListener('offline', listener);
      document.removeEventListener('visibilitychange', listener);
    };
  },
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Calls `listener` when the stored session changes (not at subscription). */
function onSessionChange(listener: () => void): () => void {
  let last: string | undefined;
  const subscription = liveQuery(() => db.syncState.get('session')).subscribe((row) => {
    const session = row?.value as { token?: string; expired?: boolean } | undefined;
    const now = session && !session.expired ? (session.token ?? '') : '';
    if (last !== undefined && now !== last) listener();
    last = now;
  });
  return () => subscription.unsubscribe();
}

let channel: LiveChannel | null = null;

/** Starts listening for the server's changes (once per page); each one asks for a sync. */
export function startLiveChannel(requestPull: () => void): void {
  channel ??= createLiveChannel({
    env: browserEnv,
    token: appClient.token,
    onSessionChange,
    open: (token, signal) =>
      appClient.fetch(`${appClient.baseUrl}/api/events`, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
        cache: 'no-store',
        signal,
      }),
    requestPull,
  });
  channel.start();
}
