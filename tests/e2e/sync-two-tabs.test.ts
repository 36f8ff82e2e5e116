// Two tabs of the app on one phone, both with the same photos waiting (written offline in one, the
// other opened meanwhile): when the network returns both tabs want to sync at once, yet each photo
// is uploaded once (one tus creation per photo on the server) and no change is pushed twice: runs
// queue on one Web Lock, and the second finds the work done. Both tabs then say everything is sent.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './pages/LoginPage';
import { MissionsList } from './pages/MissionPages';
import { SyncStatusBar } from './pages/SyncPages';
import { VisitList } from './pages/VisitPages';
import { ADMIN_ENV, adminApiOf, createAccount, freshEmail, PASSWORD } from './support/accounts';
import { goOffline, launchBrowser, newPhoneContext, waitForServiceWorker } from './support/browser';
import { drawJpegs } from './support/jpeg';
import { type RunningServer, startServer } from './support/server';
import { pushDuplicates, uploadCreations } from './support/serviceWorkerSync';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ env: ADMIN_ENV });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('two open tabs with the same photos waiting', () => {
  it('upload each photo once and push each change once', async () => {
    const admin = await adminApiOf(server.url);
    const moussa = await createAccount(admin, 'Moussa Exemple', { email: freshEmail('moussa') });
    const context = await newPhoneContext(browser);
    const first = await context.newPage();
    const login = new LoginPage(first);
    await login.open(server.url);
    await login.logInAndWait(moussa.email, PASSWORD);
    await waitForServiceWorker(first);
    const missionId = await new MissionsList(first).createMission('Mission à deux onglets');
    await new SyncStatusBar(first).waitAllSent();
    const creationsBefore = uploadCreations(server);
    const duplicatesBefore = pushDuplicates(server);

    await goOffline(context, first);
    const list = new VisitList(first);
    await list.open(server.url, missionId);
    const note = await list.newVisit({ type: 'Sanankoroba' });
    await note.title().waitFor();
    const jpegs = await drawJpegs(first, 1600, 1200, 3);
    await note.choosePhotos(jpegs.map((buffer, i) => ({ name: `puits-${i}.jpg`, mimeType: 'image/jpeg', buffer })));
    await expect.poll(() => note.photos().count(), { timeout: 60_000 }).toBe(3);
    await note.waitSaved();

    // A second tab of the app, opened offline from the service worker's copy: the same photos wait.
    const second = await context.newPage();
    await second.goto(`${server.url}/missions/${missionId}/visits`);
    const tabs = [new SyncStatusBar(first), new SyncStatusBar(second)];
    for (const tab of tabs) {
      await tab.openDetails();
      await expect.poll(() => tab.pending().textContent(), { timeout: 30_000 }).toContain('3 photos à envoyer');
    }

    // The network returns: both tabs hear it at the same moment.
    await context.setOffline(false);
    for (const tab of tabs) await tab.waitAllSent(90_000);
    expect(uploadCreations(server) - creationsBefore).toBe(3);
    expect(pushDuplicates(server) - duplicatesBefore).toBe(0);
    await context.close();
  });
});
