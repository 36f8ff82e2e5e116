// Sync as the service worker runs it, for Background Sync events (src/sw.ts): the same runner,
// store, server client and context ports as a page, so a run here and a run in a tab are the same
// code and queue on the same Web Lock. Its status goes to every open page (statusChannel.ts).
import { dexieSyncStore } from '../db/repositories/sync';
import { createSyncApi } from './api';
import { appClient } from './client';
import { webContextPorts } from './contextPorts';
import { createSyncRunner } from './runner';
import { createSyncStatusStore } from './status';
import { shareSyncStatus } from './statusChannel';

const status = createSyncStatusStore();
shareSyncStatus(status);

const runSyncOnce = createSyncRunner({
  api: createSyncApi(appClient),
  store: dexieSyncStore,
  client: appClient,
  status,
  ports: webContextPorts,
});

/** A failed run that the browser should try again later (its own back-off for sync events). */
export class BackgroundSyncFailed extends Error {
  override name = 'BackgroundSyncFailed';
}

/**
 * One run: push the outbox, pull, upload pending photos (each resumes at the server's offset) and
 * download missing ones. Rejects when it failed, so the browser retries the sync event later; a
 * run with no session (nobody logged in, or it expired) resolves: only a login can help.
 */
export async function syncFromServiceWorker(): Promise<void> {
  const result = await runSyncOnce();
  if (result === 'failed') throw new BackgroundSyncFailed(status.get().lastError?.code ?? 'failed');
}
