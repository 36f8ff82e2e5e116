// Persistent storage is asked for once there is something to keep: a session (after logging in)
// or any record on the device. Asked at start on an empty app, Firefox would show its permission
// prompt to someone who has not typed anything yet; Chromium decides by itself (installed apps,
// site engagement), so it is asked again once the app is installed (installPrompt.ts).
import { liveQuery } from 'dexie';
import { readSession } from '../../db/repositories/sync';
import { db } from '../../db/schema';
import { requestPersistentStorage } from '../../db/storage';

export function requestPersistenceOnceThereIsData(): void {
  const hasData = liveQuery(
    async () => (await readSession()) != null || (await db.outbox.count()) > 0 || (await db.missions.count()) > 0,
  );
  const subscription = hasData.subscribe({
    next(found) {
      if (!found) return;
      subscription.unsubscribe();
      void requestPersistentStorage();
    },
    error: () => undefined, // the database could not open: the app shows that elsewhere
  });
}
