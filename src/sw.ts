// The app's service worker. Precache: every built file (the list vite-plugin-pwa injects), old
// caches removed, navigations answered with index.html (except /api/ and /files/). A new version
// waits until the person agrees (UpdatePrompt sends SKIP_WAITING). Sync: the Background Sync
// events run the same sync engine as a page (src/sync/serviceWorkerSync.ts), so notes and photos
// leave the device when the network returns, with every page of the app closed.
import './app/zodWithoutEval';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { ONE_OFF_SYNC_TAG, PERIODIC_SYNC_TAG } from './sync/backgroundSync';
import { syncFromServiceWorker } from './sync/serviceWorkerSync';

/** The few service-worker types used here (the project compiles against the DOM library). */
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}
interface ServiceWorkerScope {
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'sync' | 'periodicsync', listener: (event: SyncEvent) => void): void;
}
declare const self: ServiceWorkerScope;

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /^\/files\//] }));

self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('sync', (event) => {
  if (event.tag === ONE_OFF_SYNC_TAG) event.waitUntil(syncFromServiceWorker());
});

self.addEventListener('periodicsync', (event) => {
  if (event.tag === PERIODIC_SYNC_TAG) event.waitUntil(syncFromServiceWorker());
});
