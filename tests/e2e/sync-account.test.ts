// Accounts and what sync shows a person: login errors in French, changing one's password, the admin
// screen (accounts and mission members, online only), a change the server refuses (kept, with its
// reason, "Réessayer"), and a session that ends ("reconnectez-vous", nothing lost).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/shared/constants';
import type { User } from '../../src/shared/protocol';
import type { AdminApi } from '../../src/sync/adminApi';
import { createSyncApi, login, logout } from '../../src/sync/api';
import type { HttpClient } from '../../src/sync/http';
import { LoginPage } from './pages/LoginPage';
import { MissionPage, MissionsList } from './pages/MissionPages';
import { AdminPage, SyncSettingsCard, SyncStatusBar } from './pages/SyncPages';
import { ADMIN, ADMIN_ENV, adminApiOf, createAccount, freshEmail, PASSWORD } from './support/accounts';
import { goOffline, launchBrowser, newPhoneContext } from './support/browser';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let admin: AdminApi;
let awa: User;

function clientWith(token: () => string | null): HttpClient {
  return { baseUrl: server.url, fetch: (i, init) => fetch(i, init), token: async () => token() };
}

beforeAll(async () => {
  server = await startServer({ env: ADMIN_ENV });
  browser = await launchBrowser();
  admin = await adminApiOf(server.url);
  awa = await createAccount(admin, 'Awa Exemple');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function phone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newPhoneContext(browser);
  const page = await context.newPage();
  await page.addLocatorHandler(page.getByText('Terrain fonctionne désormais sans réseau.'), async () => {
    await page.getByRole('button', { name: 'Fermer' }).click();
  });
  return { context, page };
}

const missionSuffix = () => Math.random().toString(36).slice(2, 7);

async function newMission(page: Page, title: string): Promise<string> {
  const form = await new MissionsList(page).newMission();
  await form.fill({ title, project: 'Projet de démonstration', start: '2024-07-22', end: '2024-07-26' });
  await form.submit();
  await expect.poll(() => new MissionPage(page).title().textContent()).toBe(title);
  return new URL(page.url()).pathname.split('/')[2];
}

describe('logging in', () => {
  it('explains missing fields and wrong credentials in French, keeping what was typed', async () => {
    const { context, page } = await phone();
    const loginPage = new LoginPage(page);
    await loginPage.open(server.url);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    expect(await loginPage.errors().allTextContents()).toEqual([
      'Indiquez votre adresse e-mail.',
      'Indiquez votre mot de passe.',
    ]);
    expect(await loginPage.email().getAttribute('aria-invalid')).toBe('true');

    await loginPage.logIn('awa@exemple.test', 'pas le bon');
    await loginPage.errors().getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
    expect(await loginPage.email().inputValue()).toBe('awa@exemple.test');

    await goOffline(context, page);
    await loginPage.logIn('awa@exemple.test', PASSWORD);
    await loginPage
      .errors()
      .getByText(/La connexion demande le réseau/)
      .waitFor();
    await context.close();
  });
});

describe("changing one's password", () => {
  it('refuses a wrong current password next to its field, then changes it; the new one logs in after logging out', async () => {
    const fatou = await createAccount(admin, 'Fatou Exemple', { email: freshEmail('fatou') });
    const { context, page } = await phone();
    const loginPage = new LoginPage(page);
    await loginPage.open(server.url);
    await loginPage.logInAndWait(fatou.email, PASSWORD);
    await loginPage.open(server.url);

    let form = await loginPage.changePassword('pas le bon', 'nouveau-secret-1');
    await form.getByRole('alert').getByText('Ce n’est pas votre mot de passe actuel.').waitFor();
    expect(await form.getByLabel('Mot de passe actuel').getAttribute('aria-invalid')).toBe('true');
    form = await loginPage.changePassword(PASSWORD, 'nouveau-secret-1');
    await form
      .getByRole('status')
      .getByText(/Mot de passe changé/)
      .waitFor();

    await loginPage.logOut();
    await loginPage.logInAndWait(fatou.email, 'nouveau-secret-1');
    await context.close();
  });
});

describe('changes waiting on a shared phone', () => {
  it('are never sent under the name of another person who logs in; their author sends them', async () => {
    const moussa = await createAccount(admin, 'Moussa Exemple', { email: freshEmail('moussa') });
    const binta = await createAccount(admin, 'Binta Exemple', { email: freshEmail('binta') });
    const { context, page } = await phone();
    const loginPage = new LoginPage(page);
    await loginPage.open(server.url);
    await loginPage.logInAndWait(moussa.email, PASSWORD);
    await loginPage.open(server.url);
    await loginPage.logOut();
    await page.goto(server.url);
    const missionId = await newMission(page, 'Mission de Moussa');

    await loginPage.open(server.url);
    await loginPage.logIn(binta.email, PASSWORD);
    await loginPage
      .errors()
      .getByText(/Cet appareil garde des modifications de Moussa Exemple/)
      .waitFor();
    expect((await admin.listMissions()).some((m) => m.id === missionId)).toBe(false);

    await loginPage.logInAndWait(moussa.email, PASSWORD);
    await new SyncStatusBar(page).waitAllSent();
    const sent = (await admin.listMissions()).find((m) => m.id === missionId);
    expect(sent?.members.map((m) => m.id)).toEqual([moussa.id]);
    await context.close();
  });
});

describe('the admin screen', () => {
  it('creates an account, refuses a taken e-mail, and adds and removes a mission member', async () => {
    const { context, page } = await phone();
    await new LoginPage(page).open(server.url);
    await new LoginPage(page).logInAndWait(ADMIN.email, ADMIN.password);
    // Its title is unique so that a retry of this test finds its own mission.
    const title = `Mission administrée ${missionSuffix()}`;
    const missionId = await newMission(page, title);
    await new SyncStatusBar(page).waitAllSent();

    const adminPage = new AdminPage(page);
    await adminPage.open();
    const email = freshEmail('aminata');
    await adminPage.createAccount({ name: 'Aminata Exemple', email, password: 'provisoire1' });
    await adminPage.form().getByRole('status').getByText('Compte créé pour Aminata Exemple.').waitFor();
    await adminPage.users().getByRole('cell', { name: email }).waitFor();
    await adminPage.createAccount({ name: 'Aminata Bis', email, password: 'provisoire1' });
    await adminPage.errorOf('Adresse e-mail').getByText('Un compte existe déjà avec cette adresse e-mail.').waitFor();
    expect(await adminPage.field('Nom complet').inputValue()).toBe('Aminata Bis');

    const mission = adminPage.mission(title);
    const remove = mission.getByRole('button', { name: 'Retirer Aminata Exemple de la mission' });
    await adminPage.addMember(title, `Aminata Exemple (${email})`);
    await remove.waitFor();
    expect((await admin.listMissions()).find((m) => m.id === missionId)?.members.map((m) => m.email)).toContain(email);
    await remove.click();
    await remove.waitFor({ state: 'detached' });

    await goOffline(context, page);
    await page.reload();
    await page.getByText('L’administration demande le réseau').waitFor();
    await context.close();
  });
});

describe('what sync shows a member', () => {
  it('keeps a refused change with its reason until "Réessayer" succeeds, and asks to log in again when the session ends', async () => {
    const { context, page } = await phone();
    await new LoginPage(page).open(server.url);
    await new LoginPage(page).logInAndWait(awa.email, PASSWORD);
    const sync = new SyncStatusBar(page);
    const missionId = await newMission(page, 'Mission de Awa');
    await sync.waitAllSent();

    // Awa edits the mission in a commune with no network; meanwhile she is removed from it. Back in
    // town the server refuses the change, which stays with its reason. (Online, the live channel
    // tells her app within a second, and the mission leaves her phone before she can edit it.)
    await goOffline(context, page);
    const edit = await new MissionPage(page).edit();
    await edit.fill({ project: 'Projet renommé' });
    await edit.submit('Enregistrer');
    await admin.removeMember(missionId, awa.id);
    await context.setOffline(false);
    const settings = new SyncSettingsCard(page);
    await settings.open();
    await settings.rejected().first().waitFor({ timeout: 30_000 });
    expect(await settings.rejected().first().textContent()).toContain('Vous ne faites pas partie de cette mission.');
    await sync.syncNow();
    expect(await settings.rejected().count()).toBe(1);

    await admin.addMember(missionId, awa.id);
    await settings.retry();
    await settings.rejected().first().waitFor({ state: 'detached', timeout: 30_000 });
    await settings.card().getByText('Aucune modification en attente.').waitFor();

    // The session ends on the server: sync stops, asks to log in again, keeps the pending change.
    const token = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('terrain');
          open.onsuccess = () => {
            const get = open.result.transaction('syncState').objectStore('syncState').get('session');
            get.onsuccess = () => resolve(get.result.value.token);
          };
        }),
    );
    await logout(clientWith(() => token));
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Missions' }).click();
    await new MissionsList(page).missionLinkTo(missionId).click();
    const again = await new MissionPage(page).edit();
    await again.fill({ project: 'Projet renommé deux fois' });
    await again.submit('Enregistrer');
    await sync.syncNow();
    await page.getByRole('link', { name: 'Session expirée : reconnectez-vous' }).click();
    await page.getByText(/Votre session a expiré/).waitFor();
    expect(await new LoginPage(page).email().inputValue()).toBe(awa.email);
    await new LoginPage(page).logInAndWait(awa.email, PASSWORD);
    await sync.waitAllSent();
    let awaToken: string | null = null;
    const awaClient = clientWith(() => awaToken);
    awaToken = (await login(awaClient, awa.email, PASSWORD)).token;
    const pulled = await createSyncApi(awaClient).pull({ protocolVersion: PROTOCOL_VERSION, cursors: {} });
    expect(pulled.changes.find((c) => c.id === missionId)?.data.project).toBe('Projet renommé deux fois');
    await context.close();
  });
});
