// A full device on a mission form: the save fails inside Dexie (which wraps the browser's quota
// error in its own), and the member must read "storage full", not a vague "save failed", with
// everything typed still in the form. Once space is freed, the same form saves.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMission } from '../fixtures/builders';
import { MissionPage } from './pages/MissionPages';
import { seedRecords } from './pages/VisitPages';
import { launchBrowser, newPhoneContext } from './support/browser';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const QUOTA =
  'L’espace de stockage de l’appareil est plein : libérez de la place. Ce qui était déjà enregistré est conservé.';

/** The site's storage on this phone, small so that it fills in a second (the app itself needs ~7 MB). */
const QUOTA_BYTES = 40 * 1024 * 1024;

/**
 * A phone whose storage for the site is limited for real (Chromium's own quota, set before the app
 * first writes, as Chromium keeps the space it granted once). `fill` then writes filler until not
 * even a few bytes fit: from there Chromium accepts each write and refuses the transaction at commit
 * with a QuotaExceededError, which Dexie hands over wrapped in its own AbortError. `free` lifts the
 * limit.
 */
async function phoneWithSmallDisk() {
  const context = await newPhoneContext(browser);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const origin = new URL(server.url).origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: QUOTA_BYTES });
  const fill = () =>
    page.evaluate(async () => {
      const filler = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('disk-filler', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('bytes');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const write = (size: number, key: number) =>
        new Promise<boolean>((resolve) => {
          const tx = filler.transaction('bytes', 'readwrite');
          tx.objectStore('bytes').put(new Blob([new Uint8Array(size)]), key);
          tx.oncomplete = () => resolve(true);
          tx.onabort = () => resolve(false);
        });
      // Big pieces first, then smaller ones, until 8 bytes no longer fit.
      let key = 0;
      for (let size = 1024 * 1024; size >= 8; ) if (!(await write(size, key++))) size /= 2;
      filler.close();
    });
  const free = () => cdp.send('Storage.overrideQuotaForOrigin', { origin });
  return { context, page, fill, free };
}

describe('a full device on the mission form', () => {
  it('says that storage is full, keeps what was typed, and saves once space is freed', async () => {
    const { context, page, fill, free } = await phoneWithSmallDisk();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Missions' }).waitFor();
    const mission = aMission({ title: 'Mission avant le disque plein' });
    await seedRecords(page, { missions: [mission] });
    await page.goto(`${server.url}/missions/${mission.id}`);
    const missionPage = new MissionPage(page);
    await expect.poll(() => missionPage.title().textContent()).toBe('Mission avant le disque plein');

    const form = await missionPage.edit();
    await form.fill({ title: 'Titre tapé sur un disque plein', project: 'Projet tapé aussi' });
    await fill();
    await form.submit('Enregistrer');

    const alert = page.locator('form').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(QUOTA);
    expect(await form.field('Titre').inputValue()).toBe('Titre tapé sur un disque plein');
    expect(await form.field('Projet').inputValue()).toBe('Projet tapé aussi');
    expect(await missionPage.title().textContent()).toBe('Mission avant le disque plein'); // nothing half-written

    // Space freed: the same form, as it stands, saves.
    await free();
    await form.submit('Enregistrer');
    await expect.poll(() => missionPage.title().textContent()).toBe('Titre tapé sur un disque plein');
    expect(errors).toEqual([]);
    await context.close();
  });
});
