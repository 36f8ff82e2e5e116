import { beforeEach, describe, expect, it } from 'vitest';
import { Backoff } from '../../../src/sync/backoff';
import { createScheduler, type SchedulerEnv, type SyncRunResult } from '../../../src/sync/scheduler';

function fakeEnv() {
  const timers = new Map<number, { callback: () => void; ms: number }>();
  let nextTimer = 0;
  const listeners = { online: [] as (() => void)[], visible: [] as (() => void)[], change: [] as (() => void)[] };
  const env: SchedulerEnv & { online: boolean; visible: boolean } = {
    online: true,
    visible: true,
    isOnline: () => env.online,
    isVisible: () => env.visible,
    onOnline(listener) {
      listeners.online.push(listener);
      return () => listeners.online.splice(listeners.online.indexOf(listener), 1);
    },
    onVisible(listener) {
      listeners.visible.push(listener);
      return () => listeners.visible.splice(listeners.visible.indexOf(listener), 1);
    },
    onLocalChange(listener) {
      listeners.change.push(listener);
      return () => listeners.change.splice(listeners.change.indexOf(listener), 1);
    },
    setTimer(callback, ms) {
      timers.set(++nextTimer, { callback, ms });
      return nextTimer;
    },
    clearTimer(handle) {
      timers.delete(handle as number);
    },
  };
  return { env, timers, listeners };
}

function controllableRun() {
  const calls: ((result: SyncRunResult) => void)[] = [];
  const run = () => new Promise<SyncRunResult>((resolve) => calls.push(resolve));
  return { run, calls };
}

const PERIODIC_MS = 300_000;
let runs = 0;
const counting = (result: () => SyncRunResult) => async () => {
  runs++;
  return result();
};
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the sync scheduler', () => {
  beforeEach(() => {
    runs = 0;
  });

  it('syncs at start and runs one more sync when asked during a sync, never two at once', async () => {
    const { env } = fakeEnv();
    const { run, calls } = controllableRun();
    const scheduler = createScheduler(run, env, { periodicMs: PERIODIC_MS });
    scheduler.start();
    expect(calls).toHaveLength(1);
    void scheduler.requestSync();
    void scheduler.requestSync();
    expect(calls).toHaveLength(1);
    calls[0]('ok');
    await flush();
    expect(calls).toHaveLength(2);
    calls[1]('ok');
    await flush();
    expect(calls).toHaveLength(2);
  });

  it('syncs when the network comes back and when the app becomes visible', async () => {
    const { env, listeners } = fakeEnv();
    const scheduler = createScheduler(
      counting(() => 'ok'),
      env,
      { periodicMs: PERIODIC_MS },
    );
    scheduler.start();
    await flush();
    for (const l of listeners.online) l();
    await flush();
    for (const l of listeners.visible) l();
    await flush();
    expect(runs).toBe(3);
  });

  it('does not try while offline, except from the button', async () => {
    const { env } = fakeEnv();
    env.online = false;
    const scheduler = createScheduler(
      counting(() => 'ok'),
      env,
      { periodicMs: PERIODIC_MS },
    );
    scheduler.start();
    await scheduler.requestSync();
    expect(runs).toBe(0);
    await scheduler.requestSync({ force: true });
    expect(runs).toBe(1);
  });

  it('retries on a back-off timer after a failure, and not after a stop for login', async () => {
    const { env, timers } = fakeEnv();
    let result: SyncRunResult = 'failed';
    const scheduler = createScheduler(
      counting(() => result),
      env,
      {
        periodicMs: PERIODIC_MS,
        backoff: new Backoff(() => 0.5),
      },
    );
    scheduler.start();
    await flush();
    const retry = [...timers.values()].find((t) => t.ms !== PERIODIC_MS);
    expect(retry?.ms).toBe(5_000);
    result = 'stopped';
    retry?.callback();
    await flush();
    expect(runs).toBe(2);
    expect([...timers.values()].filter((t) => t.ms !== PERIODIC_MS)).toHaveLength(0);
  });

  it('syncs periodically only while visible', async () => {
    const { env, timers } = fakeEnv();
    const scheduler = createScheduler(
      counting(() => 'ok'),
      env,
      { periodicMs: PERIODIC_MS },
    );
    scheduler.start();
    await flush();
    const tick = () => [...timers.values()].find((t) => t.ms === PERIODIC_MS)!.callback();
    tick();
    await flush();
    env.visible = false;
    tick();
    await flush();
    expect(runs).toBe(2);
  });

  it('syncs once after a burst of local changes, when they pause', async () => {
    const { env, timers, listeners } = fakeEnv();
    const scheduler = createScheduler(
      counting(() => 'ok'),
      env,
      { periodicMs: PERIODIC_MS, afterChangeMs: 3_000 },
    );
    scheduler.start();
    await flush();
    for (let i = 0; i < 5; i++) for (const l of listeners.change) l();
    const pending = [...timers.values()].filter((t) => t.ms === 3_000);
    expect(pending).toHaveLength(1);
    pending[0].callback();
    await flush();
    expect(runs).toBe(2);
  });
});
