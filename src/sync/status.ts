// What sync is doing right now, in memory, for the status bar: a tiny observable store (no React,
// so the engine can write it; src/app/hooks/useSyncStatus.ts reads it). Counts of pending changes
// and photos are not here: they come from live queries on the database, which survive reloads.
export type SyncPhase = 'idle' | 'pushing' | 'pulling' | 'uploading-photos' | 'downloading-photos';

export interface SyncProgress {
  mutationsSent: number;
  mutationsTotal: number;
  photoBytesSent: number;
  photoBytesTotal: number;
  /** Photos finished and to send in this upload step: 0 of 0 until the server said what it lacks. */
  photosSent: number;
  photosTotal: number;
}

export interface SyncStatusState {
  phase: SyncPhase;
  progress: SyncProgress;
  /** The last failure, by code (the app translates network-level ones) and in the server's words. */
  lastError: { code: string; message: string } | null;
  /** The server refused the session: nothing syncs until the person logs in again. */
  needsLogin: boolean;
  /** Photos were not sent because the link is metered and the person asked to wait for Wi-Fi. */
  photosDeferred: boolean;
}

const EMPTY_PROGRESS: SyncProgress = {
  mutationsSent: 0,
  mutationsTotal: 0,
  photoBytesSent: 0,
  photoBytesTotal: 0,
  photosSent: 0,
  photosTotal: 0,
};

export interface SyncStatusStore {
  get(): SyncStatusState;
  update(patch: Partial<SyncStatusState>): void;
  progress(patch: Partial<SyncProgress>): void;
  subscribe(listener: () => void): () => void;
}

export function createSyncStatusStore(): SyncStatusStore {
  let state: SyncStatusState = {
    phase: 'idle',
    progress: EMPTY_PROGRESS,
    lastError: null,
    needsLogin: false,
    photosDeferred: false,
  };
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const listener of listeners) listener();
  };
  return {
    get: () => state,
    update(patch) {
      // A new phase starts with fresh counters.
      const progress = patch.phase && patch.phase !== state.phase ? EMPTY_PROGRESS : state.progress;
      state = { ...state, progress, ...patch };
      emit();
    },
    progress(patch) {
      state = { ...state, progress: { ...state.progress, ...patch } };
      emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The app's one status store. */
export const syncStatus = createSyncStatusStore();
