// Sync as the app uses it, assembled for the browser: the Dexie store, the same-origin server, the
// window's events. Loaded with a dynamic import (it carries zod and tus-js-client), so the first
// screen does not wait for it. One scheduler per page.

import { liveQuery } from 'dexie';
import { isQuotaError } from '../db/repositories/storage';
import { dexieSyncStore, ownerOfPendingChanges } from '../db/repositories/sync';
import { db } from '../db/schema';
import { SYNC_AFTER_CHANGE_MS, SYNC_PERIODIC_MS } from '../shared/constants';
import type { Session } from '../shared/protocol';
import { createSyncApi, login, logout } from './api';
import { browserSchedulerEnv } from './browserEnv';
import { appClient } from './client';
import { runSync } from './engine';
import { SyncError } from './http';
import { startLiveChannel } from './liveChannelBrowser';
import { isMeteredConnection } from './network';
import { createScheduler, type Scheduler, type SyncRunResult } from './scheduler';
import { syncStatus } from './status';
import { makeThumbnail } from './thumbnail';

const store = dexieSyncStore;
const api = createSyncApi(appClient);

function inWords(error: unknown): { code: string; message: string } {
  if (error instanceof SyncError) return { code: error.code, message: error.message };
  if (isQuotaError(error)) return { code: 'storage-full', message: 'Stockage plein.' };
  return { code: 'unexpected', message: String(error) };
}

/** One sync, its failure recorded in the status in words; never throws. */
async function runOnce(): Promise<SyncRunResult> {
  const session = await store.readSession();
  if (!session || session.expired) {
    syncStatus.update({ needsLogin: Boolean(session?.expired) });
    return 'stopped';
  }
  try {
    await runSync({
      api,
      store,
      status: syncStatus,
      client: appClient,
      makeThumbnail,
      isMetered: () => isMeteredConnection(navigator as Navigator & { connection?: { type?: string } }),
    });
    return 'ok';
  } catch (error) {
    if (error instanceof SyncError && error.needsLogin) {
      // Keep everything on the device; only stop talking to the server until a new login.
      await store.markSessionExpired();
      syncStatus.update({ needsLogin: true, lastError: inWords(error) });
      return 'stopped';
    }
    syncStatus.update({ lastError: inWords(error) });
    return 'failed';
  }
}

let scheduler: Scheduler | null = null;

/** Calls `listener` whenever the outbox grows (a new local change), not when acknowledged rows leave. */
function onLocalChange(listener: () => void): () => void {
  let last: number | null = null;
  const subscription = liveQuery(() => db.outbox.count()).subscribe((count) => {
    if (last !== null && count > last) listener();
    last = count;
  });
  return () => subscription.unsubscribe();
}

/** Starts syncing by itself (at start, online, visible, periodic, back-off). Safe to call twice. */
export function startSync(): void {
  scheduler ??= createScheduler(
    runOnce,
    { ...browserSchedulerEnv, onLocalChange },
    { periodicMs: SYNC_PERIODIC_MS, afterChangeMs: SYNC_AFTER_CHANGE_MS },
  );
  scheduler.start();
  startLiveChannel(() => void scheduler?.requestSync()); // the server says something changed: sync now
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
