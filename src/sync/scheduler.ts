// When sync runs: at start, when the network comes back, when the app becomes visible, shortly
// after local changes, on the "Synchroniser" button, on a back-off timer after a failure and
// periodically while visible and online. Never two at once: a request during a sync makes exactly one more run afterwards.
// The browser's events and timers come in through SchedulerEnv, so this is tested with fakes.
import { Backoff } from './backoff';

/** `stopped`: nothing to retry until something changes (no session, or it expired). */
export type SyncRunResult = 'ok' | 'failed' | 'stopped';

export interface SchedulerEnv {
  isOnline(): boolean;
  isVisible(): boolean;
  onOnline(listener: () => void): () => void;
  onVisible(listener: () => void): () => void;
  /** Called when the device records a new change (optional: tests may leave it out). */
  onLocalChange?(listener: () => void): () => void;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface Scheduler {
  start(): void;
  stop(): void;
  /** Asks for a sync. `force` tries even when the browser believes it is offline (the button). */
  requestSync(options?: { force?: boolean }): Promise<void>;
}

export function createScheduler(
  run: () => Promise<SyncRunResult>,
  env: SchedulerEnv,
  options: { periodicMs: number; afterChangeMs?: number; backoff?: Backoff },
): Scheduler {
  const backoff = options.backoff ?? new Backoff();
  let running: Promise<void> | null = null;
  let again = false;
  let started = false;
  let retryTimer: unknown = null;
  let periodicTimer: unknown = null;
  let changeTimer: unknown = null;
  let unsubscribe: (() => void)[] = [];

  const clearRetry = () => {
    if (retryTimer !== null) env.clearTimer(retryTimer);
    retryTimer = null;
  };

  async function loop(): Promise<void> {
    let result: SyncRunResult;
    do {
      again = false;
      result = await run().catch((): SyncRunResult => 'failed');
    } while (again && result === 'ok');
    clearRetry();
    if (result === 'ok') backoff.reset();
    if (result === 'failed' && started) retryTimer = env.setTimer(() => void requestSync(), backoff.fail());
  }

  function requestSync(opts: { force?: boolean } = {}): Promise<void> {
    if (!opts.force && !env.isOnline()) return running ?? Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = loop().finally(() => {
      running = null;
    });
    return running;
  }

  /** Changes come in bursts (autosave): one sync once they pause. */
  function afterChange() {
    if (changeTimer !== null) env.clearTimer(changeTimer);
    changeTimer = env.setTimer(() => {
      changeTimer = null;
      void requestSync();
    }, options.afterChangeMs ?? 0);
  }

  function armPeriodic() {
    periodicTimer = env.setTimer(() => {
      if (env.isVisible()) void requestSync();
      armPeriodic();
    }, options.periodicMs);
  }

  return {
    start() {
      if (started) return;
      started = true;
      unsubscribe = [env.onOnline(() => void requestSync()), env.onVisible(() => void requestSync())];
      if (env.onLocalChange) unsubscribe.push(env.onLocalChange(afterChange));
      armPeriodic();
      void requestSync();
    },
    stop() {
      started = false;
      for (const off of unsubscribe) off();
      unsubscribe = [];
      clearRetry();
      for (const timer of [periodicTimer, changeTimer]) if (timer !== null) env.clearTimer(timer);
      periodicTimer = null;
      changeTimer = null;
    },
    requestSync,
  };
}
