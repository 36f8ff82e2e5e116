// A photo upload cut in the middle (the phone loses the network after the first chunk): after a
// reload and reconnecting, the upload resumes at the server's offset instead of starting again,
// and the server ends with exactly one copy of the photo.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_CHUNK_BYTES } from '../../src/shared/constants';
import type { User } from '../../src/shared/protocol';
import { followMainNavLink } from './pages/AppShell';
import { LoginPage } from './pages/LoginPage';
import { MissionsList } from './pages/MissionPages';
import { SyncStatusBar } from './pages/SyncPages';
import { VisitList } from './pages/VisitPages';
import { ADMIN_ENV, adminApiOf, createAccount, PASSWORD } from './support/accounts';
import { launchBrowser, newPhoneContext, waitForServiceWorker } from './support/browser';
import { drawJpegs } from './support/jpeg';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let fatou: User;

beforeAll(async () => {
  server = await startServer({ env: ADMIN_ENV });
  browser = await launchBrowser();
  fatou = await createAccount(await adminApiOf(server.url), 'Fatou Exemple');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('a photo upload cut by the network', () => {
  it('resumes at the server offset after a reload and reconnecting, leaving one copy on the server', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.addLocatorHandler(page.getByText('Terrain fonctionne désormais sans réseau.'), async () => {
      await page.getByRole('button', { name: 'Fermer' }).click();
    });
    const sync = new SyncStatusBar(page);
    const loginPage = new LoginPage(page);
    await loginPage.open(server.url);
    await loginPage.logInAndWait(fatou.email, PASSWORD);
    await waitForServiceWorker(page);

    const missionId = await new MissionsList(page).createMission('Mission photo');
    await sync.waitAllSent();

    // Large photos (2048 px): more than one chunk of UPLOAD_CHUNK_BYTES.
    await followMainNavLink(page, 'Paramètres');
    await page.getByLabel('Taille des photos enregistrées').selectOption({ label: '2048 px de côté' });

    // The first chunk goes with the creation request (POST); the link drops while the second
    // chunk (the first PATCH) is on its way.
    const patchOffsets: string[] = [];
    let creations = 0;
    // The context's requests: the page's and the service worker's (its Background Sync may be the
    // one that resumes the upload when the network returns).
    context.on('request', (request: Request) => {
      if (!request.url().includes('/api/photos/uploads')) return;
      if (request.method() === 'POST') creations += 1;
      if (request.method() === 'PATCH') patchOffsets.push(request.headers()['upload-offset']);
    });
    let patches = 0;
    await page.route('**/api/photos/uploads/**', async (route) => {
      if (route.request().method() === 'PATCH' && ++patches === 1) {
        await context.setOffline(true);
        await route.abort('internetdisconnected');
      } else await route.continue();
    });

    const note = await new VisitList(page)
      .open(server.url, missionId)
      .then(() => new VisitList(page).newVisit({ type: 'Sokoura' }));
    const [jpeg] = await drawJpegs(page, 4000, 3000, 1);
    await note.choosePhotos([{ name: 'ecole.jpg', mimeType: 'image/jpeg', buffer: jpeg }]);
    await expect.poll(() => note.photos().count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => patches, { timeout: 60_000 }).toBe(1);
    await sync.openDetails();
    await sync.line().getByText('Pas de connexion au serveur.').waitFor({ timeout: 60_000 });
    await expect.poll(() => sync.pending().textContent()).toContain('1 photo à envoyer');

    // A reload while offline, then the network comes back.
    await page.reload();
    await note.photos().first().waitFor();
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
    expect(photo.bytes).toBeGreaterThan(UPLOAD_CHUNK_BYTES);
    const sentBeforeResume = patchOffsets.length;
    await context.setOffline(false);
    await sync.waitAllSent();

    expect(patchOffsets.slice(0, sentBeforeResume)).toEqual([String(UPLOAD_CHUNK_BYTES)]);
    expect(patchOffsets[sentBeforeResume]).toBe(String(UPLOAD_CHUNK_BYTES));
    expect(creations).toBe(1);
    const stored = filesUnder(path.join(server.dataDir, 'photos'));
    expect(stored.map((f) => path.basename(f))).toEqual([photo.hash]);
    expect(createHash('sha256').update(fs.readFileSync(stored[0])).digest('hex')).toBe(photo.hash);
    await context.close();
  });
});
