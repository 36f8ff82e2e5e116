// The admin screen on a 360 px phone disables an account: the person's phone is logged out at its
// next sync, their login is refused with a French reason, and enabling the account lets them back.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminApi } from '../../src/sync/adminApi';
import { LoginPage } from './pages/LoginPage';
import { MissionPage, MissionsList } from './pages/MissionPages';
import { AdminPage, SyncStatusBar } from './pages/SyncPages';
import { ADMIN, ADMIN_ENV, adminApiOf, freshEmail, PASSWORD } from './support/accounts';
import { launchBrowser, newPhoneContext } from './support/browser';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let admin: AdminApi;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ env: ADMIN_ENV }), launchBrowser()]);
  admin = await adminApiOf(server.url);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

async function phoneOf(email: string, password: string): Promise<Page> {
  const context = await newPhoneContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  await page.addLocatorHandler(page.getByText('Terrain fonctionne désormais sans réseau.'), async () => {
    await page.getByRole('button', { name: 'Fermer' }).click();
  });
  await new LoginPage(page).open(server.url);
  await new LoginPage(page).logInAndWait(email, password);
  return page;
}

describe('disabling an account from the admin screen', () => {
  it('logs the person out everywhere, refuses their login with a reason, and can be undone', async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    const name = `Awa Exemple ${suffix}`;
    const email = freshEmail('awa');
    await admin.createUser({ email, name, role: 'member', password: PASSWORD });

    const awa = await phoneOf(email, PASSWORD);
    const form = await new MissionsList(awa).newMission();
    const title = `Mission de ${name}`;
    await form.fill({ title, project: 'Projet de démonstration', start: '2024-07-22', end: '2024-07-26' });
    await form.submit();
    await expect.poll(() => new MissionPage(awa).title().textContent()).toBe(title);
    const awaSync = new SyncStatusBar(awa);
    await awaSync.waitAllSent();

    const adminPhone = await phoneOf(ADMIN.email, ADMIN.password);
    const adminPage = new AdminPage(adminPhone);
    await adminPage.open();
    const row = adminPage.users().getByRole('row').filter({ hasText: email });
    await row.getByRole('button', { name: `Désactiver le compte de ${name}` }).click();
    await row.getByRole('button', { name: `Réactiver le compte de ${name}` }).waitFor();
    expect(await row.getByRole('cell').nth(3).textContent()).toContain('Désactivé');
    // One's own account cannot be disabled from here.
    const own = adminPage.users().getByRole('row').filter({ hasText: ADMIN.email });
    await own.getByText('Votre compte').waitFor();
    expect(await own.getByRole('button').count()).toBe(0);
    // The screen fits the phone: nothing sticks out of the page (the table scrolls in its own box).
    expect(await adminPhone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Awa's phone: its session ended; logging in again says why it is refused.
    await awaSync.syncNow();
    await awa.getByRole('link', { name: 'Session expirée : reconnectez-vous' }).click();
    const login = new LoginPage(awa);
    await login.logIn(email, PASSWORD);
    await awa.getByText('Ce compte est désactivé : demandez à un administrateur de le réactiver.').waitFor();

    await row.getByRole('button', { name: `Réactiver le compte de ${name}` }).click();
    await row.getByRole('button', { name: `Désactiver le compte de ${name}` }).waitFor();
    expect(await row.getByRole('cell').nth(3).textContent()).toContain('Actif');
    await login.logInAndWait(email, PASSWORD);
    await awaSync.waitAllSent();
  }, 180_000);
});
