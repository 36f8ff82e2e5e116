// Two members on two phones, through the real server: what one writes offline (a visit note with
// a photo) reaches the other once back online; edits of different fields of one note both survive,
// and show in a note left open; edits of the same field become a conflict on the server holding both
// values.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/shared/constants';
import type { ServerRecord, User } from '../../src/shared/protocol';
import type { AdminApi } from '../../src/sync/adminApi';
import { createSyncApi } from '../../src/sync/api';
import { LoginPage } from './pages/LoginPage';
import { MissionPage, MissionsList } from './pages/MissionPages';
import { SyncStatusBar } from './pages/SyncPages';
import { VisitList, type VisitNotePage } from './pages/VisitPages';
import { ADMIN_ENV, adminApiOf, apiClientAs, createAccount, PASSWORD } from './support/accounts';
import { goOffline, launchBrowser, newPhoneContext } from './support/browser';
import { drawJpegs } from './support/jpeg';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let awa: User;
let ibrahim: User;
let admin: AdminApi;

beforeAll(async () => {
  server = await startServer({ env: ADMIN_ENV });
  browser = await launchBrowser();
  admin = await adminApiOf(server.url);
  awa = await createAccount(admin, 'Awa Exemple');
  ibrahim = await createAccount(admin, 'Ibrahim Exemple');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function phoneOf(user: User): Promise<{ context: BrowserContext; page: Page; sync: SyncStatusBar }> {
  const context = await newPhoneContext(browser);
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  // The "works offline now" notice covers the bottom of the screen: close it as a person would.
  await page.addLocatorHandler(page.getByText('Terrain fonctionne désormais sans réseau.'), async () => {
    await page.getByRole('button', { name: 'Fermer' }).click();
  });
  const loginPage = new LoginPage(page);
  await loginPage.open(server.url);
  await loginPage.logInAndWait(user.email, PASSWORD);
  return { context, page, sync: new SyncStatusBar(page) };
}

async function openNote(page: Page, missionId: string, commune: string): Promise<VisitNotePage> {
  const list = new VisitList(page);
  await list.open(server.url, missionId);
  return list.openNote(commune);
}

/** Back online: the 'online' event starts a sync; wait until everything has left the phone. */
async function backOnline(phone: { context: BrowserContext; sync: SyncStatusBar }) {
  await phone.context.setOffline(false);
  await phone.sync.waitAllSent();
}

describe('two members syncing through the server', () => {
  it('share a note and its photo written offline, merge different fields, and keep both values of one field', async () => {
    const a = await phoneOf(awa);
    const form = await new MissionsList(a.page).newMission();
    await form.fill({
      title: 'Mission partagée',
      project: 'Projet de démonstration',
      start: '2024-07-22',
      end: '2024-07-26',
    });
    await form.submit();
    await expect.poll(() => new MissionPage(a.page).title().textContent()).toBe('Mission partagée');
    const missionId = new URL(a.page.url()).pathname.split('/')[2];
    await a.sync.waitAllSent();
    await admin.addMember(missionId, ibrahim.id);

    // Awa, offline, writes a note with a photo.
    await goOffline(a.context, a.page);
    const list = new VisitList(a.page);
    await list.open(server.url, missionId);
    const written = await list.newVisit({ type: 'Kéra' });
    await written.field('Observations').fill('Le forage fonctionne.');
    const [jpeg] = await drawJpegs(a.page, 1200, 900, 1);
    await written.choosePhotos([{ name: 'forage.jpg', mimeType: 'image/jpeg', buffer: jpeg }]);
    await expect.poll(() => written.photos().count(), { timeout: 60_000 }).toBe(1);
    await written.waitSaved();
    await expect.poll(() => a.sync.pending().textContent()).toContain('1 photo à envoyer');

    await backOnline(a);

    // Ibrahim's phone receives the note and the photo.
    const b = await phoneOf(ibrahim);
    await new MissionsList(b.page).missionLinkTo(missionId).waitFor({ timeout: 60_000 });
    const received = await openNote(b.page, missionId, 'Kéra');
    await expect.poll(() => received.field('Observations').inputValue()).toBe('Le forage fonctionne.');
    const image = received.photos().first().getByRole('img');
    await image.waitFor({ timeout: 60_000 });
    expect(await image.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBeGreaterThan(
      0,
    );

    // Both offline: different fields of the same note.
    const aNote = await openNote(a.page, missionId, 'Kéra');
    await goOffline(a.context, a.page);
    await goOffline(b.context, b.page);
    await aNote.field('Observations').fill('Le forage fonctionne ; la pompe est neuve.');
    await received.field('Difficultés').fill('La piste est coupée après la pluie.');
    await aNote.waitSaved();
    await received.waitSaved();
    await backOnline(a);
    await backOnline(b);
    await a.sync.syncNow();
    await a.sync.waitAllSent();
    // The notes open on both phones took the other's field as it arrived, without being reopened.
    await expect
      .poll(() => received.field('Observations').inputValue())
      .toBe('Le forage fonctionne ; la pompe est neuve.');
    expect(await received.refreshedNotice().textContent()).toBe('Mis à jour depuis un autre appareil : Observations.');
    await expect.poll(() => aNote.field('Difficultés').inputValue()).toBe('La piste est coupée après la pluie.');
    expect(await received.field('Difficultés').inputValue()).toBe('La piste est coupée après la pluie.');
    for (const page of [a.page, b.page]) {
      const note = await openNote(page, missionId, 'Kéra');
      await expect
        .poll(() => note.field('Observations').inputValue())
        .toBe('Le forage fonctionne ; la pompe est neuve.');
      await expect.poll(() => note.field('Difficultés').inputValue()).toBe('La piste est coupée après la pluie.');
    }

    // Both offline: the same field. The server keeps one value and records a conflict with both.
    const aAgain = await openNote(a.page, missionId, 'Kéra');
    const bAgain = await openNote(b.page, missionId, 'Kéra');
    await goOffline(a.context, a.page);
    await goOffline(b.context, b.page);
    await aAgain.field('Recommandations').fill('Réparer la piste avant l’hivernage.');
    await bAgain.field('Recommandations').fill('Prévoir un second forage.');
    await aAgain.waitSaved();
    await bAgain.waitSaved();
    await backOnline(a);
    await backOnline(b);

    const api = createSyncApi(await apiClientAs(server.url, ibrahim.email, PASSWORD));
    const page = await api.pull({ protocolVersion: PROTOCOL_VERSION, cursors: {} });
    const conflicts = page.changes.filter((c: ServerRecord) => c.table === 'conflicts');
    expect(conflicts).toHaveLength(1);
    const values = (conflicts[0].data.values as { value: unknown }[]).map((v) => v.value).sort();
    expect(values).toEqual(['Prévoir un second forage.', 'Réparer la piste avant l’hivernage.']);
    expect(conflicts[0].data).toMatchObject({ table: 'visitNotes', field: 'recommendations' });

    await a.context.close();
    await b.context.close();
  });
});
