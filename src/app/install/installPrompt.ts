// The browser's offer to install the app (Chromium's `beforeinstallprompt`) is made once per page
// load, often before React renders: it is caught from boot.ts (the page's entry) at once and kept here until the
// "Installer Terrain" button uses it. Safari on iPhone and iPad makes no such offer: the person
// adds the app to the home screen through the share sheet (see platform.ts).
import { requestPersistentStorage } from '../../db/storage';

/** Chromium's event (not in TypeScript's DOM types). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export type InstallOffer = { kind: 'none' } | { kind: 'prompt' } | { kind: 'installed' };

let deferred: BeforeInstallPromptEvent | null = null;
let offer: InstallOffer = { kind: 'none' };
const listeners = new Set<() => void>();

function set(next: InstallOffer) {
  offer = next;
  for (const listener of listeners) listener();
}

export function captureInstallPrompt(): void {
  window.addEventListener('beforeinstallprompt', (event) => {
    // Our own button asks at a moment the person chooses, instead of the browser's mini-bar.
    event.preventDefault();
    deferred = event as BeforeInstallPromptEvent;
    set({ kind: 'prompt' });
  });
  window.addEventListener('appinstalled', () => {
    deferred = null;
    set({ kind: 'installed' });
    // An installed app is what browsers grant persistent storage to: ask again now.
    void requestPersistentStorage();
  });
}

export const installOffer = {
  get: (): InstallOffer => offer,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Shows the browser's install dialog; the event can be used once, so the offer ends here. */
export async function promptInstall(): Promise<'accepted' | 'dismissed'> {
  const event = deferred;
  if (!event) return 'dismissed';
  deferred = null;
  await event.prompt();
  const { outcome } = await event.userChoice;
  set(outcome === 'accepted' ? { kind: 'installed' } : { kind: 'none' });
  return outcome;
}
