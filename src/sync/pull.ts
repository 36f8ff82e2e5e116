// Pull: pages of server changes after this device's per-mission cursors. Each page and its new
// cursors are stored in one transaction by the store, so after a cut the next pull starts exactly
// after the last page stored: nothing skipped, nothing needed twice.
import { PROTOCOL_VERSION } from '../shared/constants';
import type { SyncApi, SyncStore } from './ports';
import type { SyncStatusStore } from './status';

export interface PullDeps {
  api: SyncApi;
  store: SyncStore;
  status: SyncStatusStore;
  /** Changes per page (the server's default when absent). */
  pullLimit?: number;
}

const sameCursors = (a: Record<string, number>, b: Record<string, number>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** Pulls until the server has nothing more; returns how many records arrived. */
export async function pullChanges({ api, store, status, pullLimit }: PullDeps): Promise<number> {
  status.update({ phase: 'pulling' });
  let cursors = await store.readCursors();
  // Said so the server does not send back this device's own latest changes (held since its push).
  const clientId = await store.clientId();
  let received = 0;
  for (;;) {
    const page = await api.pull({ protocolVersion: PROTOCOL_VERSION, cursors, limit: pullLimit, clientId });
    await store.applyPullPage(page.changes, page.cursors);
    received += page.changes.length;
    // A page that moves no cursor cannot lead anywhere: stop rather than loop.
    if (!page.hasMore || sameCursors(cursors, page.cursors)) return received;
    cursors = page.cursors;
  }
}
