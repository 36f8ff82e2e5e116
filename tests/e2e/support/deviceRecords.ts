// What a page's device database holds, read straight from IndexedDB (the test's own look, not the
// app's): the photos and visit notes written on this phone.
import type { Page } from 'playwright-core';
import { DB_NAME } from '../../../src/shared/constants';

export function readDeviceTable<T>(page: Page, table: 'photos' | 'visitNotes'): Promise<T[]> {
  return page.evaluate(
    ({ name, store }) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction(store).objectStore(store).getAll();
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result as T[]);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    { name: DB_NAME, store: table },
  );
}
