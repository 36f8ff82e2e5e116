// One sync engine at a time across every page of the app and its service worker: each run holds
// the Web Lock 'terrain-sync' (navigator.locks, the same in a window and in a worker). Two tabs
// therefore never upload the same photo: the second one's run starts after the first ended, reads
// the device again and finds the photo sent. The browser releases a lock when its holder dies (a
// closed tab, a service worker stopped mid-photo), so a cut run never blocks the next.

export const SYNC_LOCK_NAME = 'terrain-sync';

interface LockManagerLike {
  request<T>(name: string, options: { mode?: 'exclusive' | 'shared' }, task: () => Promise<T>): Promise<T>;
}

function lockManager(): LockManagerLike | undefined {
  return (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
}

/** Runs `task` holding the sync lock (queued behind a run elsewhere). Without Web Locks, at once. */
export function runExclusive<T>(task: () => Promise<T>): Promise<T> {
  const locks = lockManager();
  return locks ? locks.request(SYNC_LOCK_NAME, { mode: 'exclusive' }, task) : task();
}

/**
 * Resolves true once no run holds the lock: a run elsewhere has ended. False at once without Web
 * Locks, where nothing can tell (the caller must then wait for the run's own word).
 */
export async function whenNoSyncRuns(): Promise<boolean> {
  const locks = lockManager();
  if (!locks) return false;
  await locks.request(SYNC_LOCK_NAME, { mode: 'shared' }, async () => undefined);
  return true;
}
