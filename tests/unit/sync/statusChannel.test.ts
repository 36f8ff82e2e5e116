// The sync status is the same in every context: what one context's engine writes reaches the
// others' stores (BroadcastChannel, as between tabs and the service worker), without echo.
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncStatusStore } from '../../../src/sync/status';
import { shareSyncStatus } from '../../../src/sync/statusChannel';

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

function sharedStore() {
  const store = createSyncStatusStore();
  stops.push(shareSyncStatus(store));
  return store;
}

describe('sync status shared across contexts', () => {
  it("shows another context's run, then its end", async () => {
    const worker = sharedStore();
    const page = sharedStore();
    worker.update({ phase: 'uploading-photos' });
    worker.progress({ photoBytesSent: 1000, photoBytesTotal: 4000 });
    await expect.poll(() => page.get().progress.photoBytesSent).toBe(1000);
    worker.update({ phase: 'idle', lastError: { code: 'network', message: 'Pas de connexion au serveur.' } });
    await expect.poll(() => page.get().phase).toBe('idle');
    expect(page.get().lastError?.code).toBe('network');
  });

  it('does not send back what it received', async () => {
    const worker = sharedStore();
    const page = sharedStore();
    const received: string[] = [];
    worker.subscribe(() => received.push(worker.get().phase));
    page.update({ phase: 'pulling' });
    await expect.poll(() => worker.get().phase).toBe('pulling');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toEqual(['pulling']);
  });
});
