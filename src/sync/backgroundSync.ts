// Asking the browser to sync for us when the app is closed (Background Sync: Chrome, Edge, Samsung
// Internet on Android and desktop). A one-off registration 'terrain-sync' wakes the service worker
// (src/sw.ts) as soon as the device is online, even hours later with every page closed; an
// installed app may also get 'terrain-periodic' about every 12 hours (Periodic Background Sync,
// only where the browser grants it). Where neither exists (iOS Safari, Firefox) the page's own
// triggers (scheduler.ts) are the only ones, as before. Nothing here throws.

export const ONE_OFF_SYNC_TAG = 'terrain-sync';
export const PERIODIC_SYNC_TAG = 'terrain-periodic';
export const PERIODIC_SYNC_MIN_INTERVAL_MS = 12 * 60 * 60 * 1000;

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}
interface PeriodicSyncManagerLike {
  register(tag: string, options: { minInterval: number }): Promise<void>;
  getTags(): Promise<string[]>;
}
type RegistrationWithSync = ServiceWorkerRegistration & {
  sync?: SyncManagerLike;
  periodicSync?: PeriodicSyncManagerLike;
};

/** The app's service worker once it is active (never waits: there is none in dev or on iOS <11.3). */
async function activeRegistration(): Promise<RegistrationWithSync | null> {
  const container = globalThis.navigator?.serviceWorker;
  if (!container) return null;
  const registration = await container.getRegistration().catch(() => undefined);
  return registration?.active ? (registration as RegistrationWithSync) : null;
}

/** Asks for a sync by the service worker when online (coalesced with one already asked). */
export async function requestBackgroundSync(): Promise<boolean> {
  try {
    const registration = await activeRegistration();
    if (!registration?.sync) return false;
    await registration.sync.register(ONE_OFF_SYNC_TAG);
    return true;
  } catch {
    return false;
  }
}

async function periodicSyncGranted(): Promise<boolean> {
  try {
    const permission = await navigator.permissions.query({ name: 'periodic-background-sync' as PermissionName });
    return permission.state === 'granted';
  } catch {
    return false;
  }
}

/** Registers the periodic sync of an installed app, where the browser allows it. */
export async function registerPeriodicSync(): Promise<boolean> {
  try {
    const registration = await activeRegistration();
    if (!registration?.periodicSync || !(await periodicSyncGranted())) return false;
    await registration.periodicSync.register(PERIODIC_SYNC_TAG, { minInterval: PERIODIC_SYNC_MIN_INTERVAL_MS });
    return true;
  } catch {
    return false;
  }
}

/**
 * How this device syncs: `periodic` (background sync and a periodic check), `background` (sync
 * when the network returns, app closed or not), `open-app` (only while the app is open), or
 * `unknown` while the service worker is not active yet.
 */
export type BackgroundSyncMode = 'periodic' | 'background' | 'open-app' | 'unknown';

export async function backgroundSyncMode(): Promise<BackgroundSyncMode> {
  if (!globalThis.navigator?.serviceWorker) return 'open-app';
  const registration = await activeRegistration();
  if (!registration) return 'unknown';
  if (!registration.sync) return 'open-app';
  const periodicTags = await registration.periodicSync?.getTags().catch((): string[] => []);
  return periodicTags?.includes(PERIODIC_SYNC_TAG) ? 'periodic' : 'background';
}
