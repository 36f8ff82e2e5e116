// What the install invitation and the settings show: whether the app already runs installed, the
// browser offers to install it, or the person must add it by hand (iPhone, iPad); and whether
// notes or photos wait on this device only, which makes installing urgent.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { countPendingPhotos } from '../../db/repositories/sync';
import { db } from '../../db/schema';
import { installOffer } from './installPrompt';
import { isAppleMobile, runsInstalled } from './platform';

export type InstallState = 'installed' | 'installed-elsewhere' | 'prompt' | 'apple' | 'unavailable';

export function useInstallState(): InstallState {
  const offer = useSyncExternalStore(installOffer.subscribe, installOffer.get, installOffer.get);
  const [standalone, setStandalone] = useState(runsInstalled);
  useEffect(() => {
    const query = window.matchMedia?.('(display-mode: standalone)');
    const follow = () => setStandalone(runsInstalled());
    query?.addEventListener('change', follow);
    return () => query?.removeEventListener('change', follow);
  }, []);
  if (standalone) return 'installed';
  // Installed just now from this tab: the app has its own window, this tab is still a tab.
  if (offer.kind === 'installed') return 'installed-elsewhere';
  if (offer.kind === 'prompt') return 'prompt';
  return isAppleMobile() ? 'apple' : 'unavailable';
}

/** Changes or photos not yet on the server: undefined while counting. */
export function useHasUnsentData(): boolean | undefined {
  return useLiveQuery(async () => (await db.outbox.count()) > 0 || (await countPendingPhotos()) > 0);
}
