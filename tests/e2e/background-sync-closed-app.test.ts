// Sync with the app closed: a note with two photos is written offline, every page of the app is
// closed, the network comes back and Chrome's Background Sync event (fired here through DevTools,
// as the browser does when connectivity returns) makes the service worker send the note and both
// photos. The server holds them, hashes verified; the reopened app says everything is sent, and
// nothing went twice (one tus upload per photo, no replayed push).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/shared/constants';
import type { User } from '../../src/shared/protocol';
import { createSyncApi } from '../../src/sync/api';
import { LoginPage } from './pages/LoginPage';
import { MissionsList } from './pages/MissionPages';
import { SyncStatusBar } from './pages/SyncPages';
import { VisitList } from './pages/VisitPages';
import { ADMIN_ENV, adminApiOf, apiClientAs, createAccount, freshEmail, PASSWORD } from './support/accounts';
import { goOffline, launchBrowser, newPhoneContext, waitForServiceWorker } from './support/browser';
import { readDeviceTable } from './support/deviceRecords';
import { drawJpegs } from './support/jpeg';
import { type RunningServer, startServer } from './support/server';
import { pushDuplicates, serviceWorkerDevtools, uploadCreations } from './support/serviceWorkerSync';

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

function storedPhotoHashes(): string[] {
  const dir = path.join(server.dataDir, 'photos');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      createHash('sha256')
        .update(fs.readFileSync(path.join(entry.parentPath, entry.name)))
        .digest('hex'),
    );
}

describe('background sync with every page of the app closed', () => {
  it('sends a note and its two photos written offline, once, from the service worker', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    const login = new LoginPage(page);
    await login.open(server.url);
    await login.logInAndWait(awa.email, PASSWORD);
    await waitForServiceWorker(page);
    const missionId = await new MissionsList(page).createMission('Mission en voiture');
    await new SyncStatusBar(page).waitAllSent();
    const creationsBefore = uploadCreations(server);
    const duplicatesBefore = pushDuplicates(server);

    // Offline in the field: a note and two photos.
    await goOffline(context, page);
    const list = new VisitList(page);
    await list.open(server.url, missionId);
    const note = await list.newVisit({ type: 'Ouélessébougou' });
    await note.title().waitFor();
    const jpegs = await drawJpegs(page, 1200, 900, 2);
    await note.choosePhotos(jpegs.map((buffer, i) => ({ name: `forage-${i}.jpg`, mimeType: 'image/jpeg', buffer })));
    await expect.poll(() => note.photos().count(), { timeout: 60_000 }).toBe(2);
    await note.waitSaved();
    const notes = await readDeviceTable<{ id: string; missionId: string }>(page, 'visitNotes');
    const written = notes.find((n) => n.missionId === missionId) as { id: string };
    // This mission's only: a retry of this test logs in the same account, which pulls the first try's.
    const photos = await readDeviceTable<{ hash: string; missionId: string }>(page, 'photos');
    const hashes = [...new Set(photos.filter((p) => p.missionId === missionId).map((p) => p.hash))].sort();
    expect(hashes).toHaveLength(2);

    // The app is closed; a blank page (not the app) keeps the DevTools session. Network back.
    const devtools = await serviceWorkerDevtools(context);
    await page.close();
    expect(context.pages().filter((p) => p.url().startsWith(server.url))).toEqual([]);
    await context.setOffline(false);

    const member = createSyncApi(await apiClientAs(server.url, awa.email, PASSWORD));
    // Chrome fires the pending registration by itself when the network returns (it made this test's
    // first version see the photos arrive before any dispatch); the event is dispatched anyway, as
    // the issue asks: two events queue on the Web Lock and the second finds nothing left to send.
    const started = performance.now();
    await devtools.dispatchSync(server.url);
    await expect
      .poll(async () => (await member.missingPhotos(missionId, hashes)).length, { timeout: 90_000, interval: 250 })
      .toBe(0);
    const pulled = await member.pull({ protocolVersion: PROTOCOL_VERSION, cursors: {} });
    expect(pulled.changes.some((record) => record.table === 'visitNotes' && record.id === written.id)).toBe(true);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Background sync from the service worker (note + 2 photos): ${seconds} s`);
    expect(storedPhotoHashes()).toEqual(expect.arrayContaining(hashes));

    // The app opened again: everything is sent, and nothing went twice.
    const again = await context.newPage();
    await again.goto(server.url);
    await new SyncStatusBar(again).waitAllSent();
    expect(uploadCreations(server) - creationsBefore).toBe(2);
    expect(pushDuplicates(server) - duplicatesBefore).toBe(0);
    await devtools.close();
    await context.close();
  });
});
