// The sync status seen in every open page, whichever context did the work: a page's engine or the
// service worker's. Each context's status store (status.ts, in memory) posts its changes on the
// BroadcastChannel 'terrain-sync-status' and takes the others'. Counts of what waits need nothing
// here: they are live queries on IndexedDB, which Dexie refreshes across contexts by itself.
// A context that dies mid-run (a service worker stopped by the browser) never posts its 'idle':
// once the run's Web Lock is free, the page puts its phase back to idle itself.
import type { SyncStatusState, SyncStatusStore } from './status';
import { whenNoSyncRuns } from './webLock';

export const SYNC_STATUS_CHANNEL = 'terrain-sync-status';

function isStatusState(data: unknown): data is SyncStatusState {
  const state = data as Partial<SyncStatusState> | null;
  return typeof state?.phase === 'string' && typeof state.progress === 'object' && state.progress !== null;
}

/** Shares `status` with the app's other contexts until the returned function is called. */
export function shareSyncStatus(status: SyncStatusStore): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(SYNC_STATUS_CHANNEL);
  let applyingRemote = false;
  /** A phase other than idle came from elsewhere and its end has not been seen yet. */
  let remoteRunActive = false;
  let watching = false;

  const applyRemote = (patch: Partial<SyncStatusState>) => {
    applyingRemote = true;
    try {
      status.update(patch);
    } finally {
      applyingRemote = false;
    }
  };

  const unsubscribe = status.subscribe(() => {
    if (applyingRemote) return;
    remoteRunActive = false;
    channel.postMessage(status.get());
  });

  channel.onmessage = (event: MessageEvent) => {
    if (!isStatusState(event.data)) return;
    applyRemote(event.data);
    remoteRunActive = event.data.phase !== 'idle';
    if (!remoteRunActive || watching) return;
    watching = true;
    void whenNoSyncRuns().then((ended) => {
      watching = false;
      if (!ended || !remoteRunActive) return;
      remoteRunActive = false;
      applyRemote({ phase: 'idle' });
    });
  };

  return () => {
    unsubscribe();
    channel.close();
  };
}
