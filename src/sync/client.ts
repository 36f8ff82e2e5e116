// The app's connection to its own server: same origin, the browser's fetch, the stored session's
// token (none once the server said it expired, so nothing is sent with a dead token).
import { dexieSyncStore } from '../db/repositories/sync';
import type { HttpClient } from './http';

export const appClient: HttpClient = {
  baseUrl: typeof location === 'undefined' ? '' : location.origin,
  fetch: (input, init) => fetch(input, init),
  async token() {
    const session = await dexieSyncStore.readSession();
    return session && !session.expired ? session.token : null;
  },
};
