// Sync as the app uses it in a page, assembled for the browser: the Dexie store, the same-origin
// server, the window's events. Loaded with a dynamic import (it carries zod and tus-js-client), so
// the first screen does not wait for it. One scheduler per page; the runs of every page and of the
// service worker (src/sw.ts, same runner) queue on one Web Lock, and their status is shared.

import { liveQuery } from 'dexie';
import { dexieSyncStore, ownerOfPendingChanges } from '../db/repositories/sync';
import { db } from '../db/schema';
import { SYNC_AFTER_CHANGE_MS, SYNC_PERIODIC_MS } from '../shared/constants';
import type { Session } from '../shared/protocol';
import { createSyncApi, login, logout } from './api';
import { registerPeriodicSync, requestBackgroundSync } from './backgroundSync';
import { browserSchedulerEnv, onPageHidden } from './browserEnv';
import { appClient } from './client';
import { webContextPorts } from './contextPorts';
import { SyncError } from './http';
import { startLiveChannel } from './liveChannelBrowser';
import { createSyncRunner } from './runner';
import { createScheduler, type Scheduler, type SyncRunResult } from './scheduler';
import { syncStatus } from './status';
import { shareSyncStatus } from './statusChannel';

const store = dexieSyncStore;
const runSyncOnce = createSyncRunner({
  api: createSyncApi(appClient),
  store,
  client: appClient,
  status: syncStatus,
  ports: webContextPorts,
});
shareSyncStatus(syncStatus);

/** One sync; a failed one is handed to the service worker too, which retries even once closed. */
async function runOnce(): Promise<SyncRunResult> {
  const result = await runSyncOnce();
  if (result === 'failed') void requestBackgroundSync();
  return result;
}

/** Anything the server has not got yet (refused changes wait for "Réessayer", not for a sync). */
async function somethingToSend(): Promise<boolean> {
  const outbox = await db.outbox.filter((row) => !row.rejected).count();
  return outbox > 0 || (await db.photoBlobs.where('uploaded').equals(0).count()) > 0;
}

let scheduler: Scheduler | null = null;

/**
 * Calls `listener` whenever the outbox grows (a new local change), not when acknowledged rows leave.
 * A change made offline is also handed to Background Sync: the page may be closed when the network
 * comes back. Online, the page's own sync shortly after (and on failure, the service worker) sends it.
 */
function onLocalChange(listener: () => void): () => void {
  let last: number | null = null;
  const subscription = liveQuery(() => db.outbox.count()).subscribe((count) => {
    if (last !== null && count > last) {
      listener();
      if (!browserSchedulerEnv.isOnline()) void requestBackgroundSync();
    }
    last = count;
  });
  return () => subscription.unsubscribe();
}

/** Starts syncing by itself (at start, online, visible, periodic, back-off). Safe to call twice. */
export function startSync(): void {
  if (!scheduler) {
    scheduler = createScheduler(
      runOnce,
      { ...browserSchedulerEnv, onLocalChange },
      { periodicMs: SYNC_PERIODIC_MS, afterChangeMs: SYNC_AFTER_CHANGE_MS },
    );
    // Leaving the app with something unsent (its timers stop with it): the service worker takes it.
    onPageHidden(() => {
      void somethingToSend().then((pending) => pending && requestBackgroundSync());
    });
    void registerPeriodicSync();
  }
  scheduler.start();
  startLiveChannel(() => void scheduler?.requestSync()); // the server says something changed: sync now
}

/** A step someone waits for on another phone (a review step): sent now, not after the typing pause. Offline: later, as usual. */
export function syncSoon(): void {
  startSync();
  void scheduler?.requestSync();
}

/** The "Synchroniser" button: a sync now, even if the browser believes it is offline. */
export function syncNow(): Promise<void> {
  startSync();
  return scheduler!.requestSync({ force: true });
}

/**
 * Logs in (online), keeps the session on the device and syncs right away. Refused while another
 * account's changes wait to be sent: they would reach the server under the wrong name.
 */
export async function logIn(email: string, password: string): Promise<Session> {
  const session = await login(appClient, email, password);
  const owner = await ownerOfPendingChanges();
  if (owner && owner.id !== session.user.id) {
    await logout({ ...appClient, token: async () => session.token }).catch(() => undefined);
    throw new SyncError('other-account-pending', `Modifications de ${owner.name} en attente`, 409, {
      name: owner.name,
    });
  }
  await store.saveSession(session);
  syncStatus.update({ needsLogin: false, lastError: null });
  void syncNow();
  return session;
}

/** Logs out: the device forgets the session; every record and pending change stays. */
export async function logOut(): Promise<void> {
  await logout(appClient).catch(() => {
    // Offline or already expired: the server forgets the session by itself when it expires.
  });
  await store.clearSession();
  syncStatus.update({ needsLogin: false, lastError: null });
}

export { SyncError } from './http';
