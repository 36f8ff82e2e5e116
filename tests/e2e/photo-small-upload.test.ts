// A photo smaller than one upload chunk (most photos after resizing) goes in a single tus request
// (creation-with-upload) with the app's own uploader: the sync ends without an error shown, and the
// server holds the photo, its hash verified. It used to fail once on every sync ("Ressource
// introuvable.": the server finished the upload, then looked it up again and answered 404).
import { createHash } from 'node:crypto';
import type { Browser, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_CHUNK_BYTES } from '../../src/shared/constants';
import type { User } from '../../src/shared/protocol';
import { LoginPage } from './pages/LoginPage';
import { MissionsList } from './pages/MissionPages';
import { SyncStatusBar } from './pages/SyncPages';
import { VisitList } from './pages/VisitPages';
import { ADMIN_ENV, adminApiOf, apiClientAs, createAccount, freshEmail, PASSWORD } from './support/accounts';
import { launchBrowser, newPhoneContext, waitForServiceWorker } from './support/browser';
import { drawJpegs } from './support/jpeg';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let awa: User;

beforeAll(async () => {
  server = await startServer({ env: ADMIN_ENV });
  browser = await launchBrowser();
  awa = await createAccount(await adminApiOf(server.url), 'Awa Exemple', { email: freshEmail('awa') });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a photo smaller than one chunk', () => {
  it('is sent in one request, the sync ends with no error, and the server holds it', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.addLocatorHandler(page.getByText('Terrain fonctionne désormais sans réseau.'), async () => {
      await page.getByRole('button', { name: 'Fermer' }).click();
    });
    const uploadAnswers: string[] = [];
    page.on('response', (response: Response) => {
      if (response.url().includes('/api/photos/uploads')) {
        uploadAnswers.push(`${response.request().method()} ${response.status()}`);
      }
    });
    const sync = new SyncStatusBar(page);
    const loginPage = new LoginPage(page);
    await loginPage.open(server.url);
    await loginPage.logInAndWait(awa.email, PASSWORD);
    await waitForServiceWorker(page);

    const missionId = await new MissionsList(page).createMission('Mission petite photo');
    await sync.waitAllSent();

    const note = await new VisitList(page)
      .open(server.url, missionId)
      .then(() => new VisitList(page).newVisit({ type: 'Sokoura' }));
    const [jpeg] = await drawJpegs(page, 1200, 900, 1);
    await note.choosePhotos([{ name: 'puits.jpg', mimeType: 'image/jpeg', buffer: jpeg }]);
    await expect.poll(() => note.photos().count(), { timeout: 60_000 }).toBe(1);
    await sync.waitAllSent();

    const photo = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const open = indexedDB.open('terrain');
        open.onsuccess = () => resolve(open.result);
      });
      const rows = await new Promise<{ hash: string; bytes: number }[]>((resolve) => {
        const get = db.transaction('photos').objectStore('photos').getAll();
        get.onsuccess = () => resolve(get.result);
      });
      return rows[0];
    });
    // The case under test: the whole photo travels with the creation request.
    expect(photo.bytes).toBeGreaterThan(20_000);
    expect(photo.bytes).toBeLessThan(UPLOAD_CHUNK_BYTES);
    expect(uploadAnswers).toEqual(['POST 201']);
    await expect(sync.line().textContent()).resolves.not.toContain('introuvable');
    await expect(sync.line().textContent()).resolves.not.toContain('Erreur');

    const client = await apiClientAs(server.url, awa.email, PASSWORD);
    const res = await client.fetch(`${server.url}/api/photos/${photo.hash}`, {
      headers: { authorization: `Bearer ${await client.token()}` },
    });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(photo.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(photo.hash);
    await context.close();
  });
});
