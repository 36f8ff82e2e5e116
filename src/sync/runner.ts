// One sync run as every context does it (a page's scheduler, the service worker's sync events):
// under the lock, with the stored session, its failure written in the status in words. Plain
// TypeScript: what differs between a window and the service worker comes in as ports.
import { isQuotaError } from '../db/errors';
import { runSync } from './engine';
import { type HttpClient, SyncError } from './http';
import type { SyncApi, SyncContextPorts, SyncStore } from './ports';
import type { SyncRunResult } from './scheduler';
import type { SyncStatusStore } from './status';

export interface SyncRunnerDeps {
  api: SyncApi;
  store: SyncStore;
  client: HttpClient;
  status: SyncStatusStore;
  ports: SyncContextPorts;
}

export function inWords(error: unknown): { code: string; message: string } {
  if (error instanceof SyncError) return { code: error.code, message: error.message };
  if (isQuotaError(error)) return { code: 'storage-full', message: 'Stockage plein.' };
  return { code: 'unexpected', message: String(error) };
}

/** A run that never throws: 'ok', 'failed' (retry later) or 'stopped' (no session until a login). */
export function createSyncRunner(deps: SyncRunnerDeps): () => Promise<SyncRunResult> {
  const { api, store, client, status, ports } = deps;

  async function runHoldingLock(): Promise<SyncRunResult> {
    // Read inside the lock: another context may have logged out or seen the session end meanwhile.
    const session = await store.readSession();
    if (!session || session.expired) {
      status.update({ needsLogin: Boolean(session?.expired) });
      return 'stopped';
    }
    try {
      await runSync({ api, store, status, client, makeThumbnail: ports.makeThumbnail, isMetered: ports.isMetered });
      return 'ok';
    } catch (error) {
      if (error instanceof SyncError && error.needsLogin) {
        // Keep everything on the device; only stop talking to the server until a new login.
        await store.markSessionExpired();
        status.update({ needsLogin: true, lastError: inWords(error) });
        return 'stopped';
      }
      status.update({ lastError: inWords(error) });
      return 'failed';
    }
  }

  return () => ports.exclusive(runHoldingLock);
}
