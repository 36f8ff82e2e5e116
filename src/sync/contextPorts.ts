// The web platform's side of a sync run, the same in a page and in the service worker: the Web
// Lock, the Network Information API (navigator.connection where the browser has it) and thumbnails
// drawn on an OffscreenCanvas (thumbnail.ts falls back to the photo itself where there is none).
import { isMeteredConnection } from './network';
import type { SyncContextPorts } from './ports';
import { makeThumbnail } from './thumbnail';
import { runExclusive } from './webLock';

export const webContextPorts: SyncContextPorts = {
  exclusive: runExclusive,
  isMetered: () => isMeteredConnection(globalThis.navigator as { connection?: { type?: string; saveData?: boolean } }),
  makeThumbnail,
};
