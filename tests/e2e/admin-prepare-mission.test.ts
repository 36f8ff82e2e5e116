// A mission prepared on the server: the administrator, on a desktop screen (1280×800), prepares a
// mission with a member of the team from the Administration screen; the member logs in on a phone
// (360×640) and finds the mission after the sync. A coordinator prepares one on their phone too,
// reaching the screen from the menu, where only the missions part shows. SCREENSHOT_DIR=… keeps a
// picture of each screen.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminApi } from '../../src/sync/adminApi';
import { followMainNavLink } from './pages/AppShell';
import { LoginPage } from './pages/LoginPage';
import { horizontalOverflow } from './pages/MissionPages';
import { SyncStatusBar } from './pages/SyncPages';
import { ADMIN, ADMIN_ENV, adminApiOf, freshEmail, PASSWORD } from './support/accounts';
import { launchBrowser, newPhoneContext } from './support/browser';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let admin: AdminApi;
const contexts: BrowserContext[] = [];
const shots = process.env.SCREENSHOT_DIR;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ env: ADMIN_ENV }), launchBrowser()]);
  admin = await adminApiOf(server.url);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

async function loggedIn(context: BrowserContext, email: string, password: string): Promise<Page> {
  contexts.push(context);
  const page = await context.newPage();
  await page.addLocatorHandler(page.getByText('Terrain fonctionne désormais sans réseau.'), async () => {
    await page.getByRole('button', { name: 'Fermer' }).click();
  });
  await new LoginPage(page).open(server.url);
  await new LoginPage(page).logInAndWait(email, password);
  return page;
}

async function phone(email: string, password: string): Promise<Page> {
  const context = await newPhoneContext(browser);
  const page = await loggedIn(context, email, password);
  await page.setViewportSize({ width: 360, height: 640 });
  return page;
}

async function desktop(email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
  return loggedIn(context, email, password);
}

/** The Administration screen, from the main menu ("Plus" on a phone), as admins and coordinators reach it. */
async function openAdmin(page: Page) {
  const form = page.getByRole('form', { name: 'Préparer une mission' });
  if (await form.isVisible()) return form;
  await followMainNavLink(page, 'Administration');
  await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
  await form.waitFor();
  return form;
}

async function prepare(
  page: Page,
  mission: { title: string; start: string; end: string; people: string[] },
): Promise<void> {
  const form = await openAdmin(page);
  await form.getByLabel('Titre de la mission').fill(mission.title);
  await form.getByLabel('Projet (facultatif)').fill('Projet de démonstration');
  await form.getByLabel('Début', { exact: true }).fill(mission.start);
  await form.getByLabel('Fin', { exact: true }).fill(mission.end);
  for (const person of mission.people) await form.getByRole('checkbox', { name: person }).check();
  await form.getByRole('button', { name: 'Préparer la mission' }).click();
  await form
    .getByRole('status')
    .filter({ hasText: `Mission « ${mission.title} » préparée` })
    .waitFor();
}

/** What axe finds wrong on the page as it is now (WCAG 2.2 AA and best practice), one line per element. */
async function axeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** The member's phone: after a sync, the missions list holds the mission. */
async function seesMissionAfterSync(page: Page, title: string) {
  await page.goto(`${server.url}/`);
  const link = page.getByRole('link', { name: title });
  const sync = new SyncStatusBar(page);
  await sync.syncNow();
  await link.waitFor({ timeout: 60_000 });
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
}

describe('a mission prepared on the server', () => {
  it('by an administrator on a desktop reaches the member’s phone at the next sync', async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    const name = `Awa Exemple ${suffix}`;
    const email = freshEmail('awa');
    await admin.createUser({ email, name, role: 'member', password: PASSWORD });
    const title = `Mission préparée ${suffix}`;

    const office = await desktop(ADMIN.email, ADMIN.password);
    // The form refuses an end before the start, in French, next to the field.
    const form = await openAdmin(office);
    await form.getByLabel('Titre de la mission').fill(title);
    await form.getByLabel('Début', { exact: true }).fill('2024-09-06');
    await form.getByLabel('Fin', { exact: true }).fill('2024-09-02');
    await form.getByRole('button', { name: 'Préparer la mission' }).click();
    await form.getByText('La date de fin doit être le jour du début ou après.').waitFor();
    expect(await axeFindings(office)).toEqual([]);

    await prepare(office, { title, start: '2024-09-02', end: '2024-09-06', people: [name] });
    const card = office.getByRole('listitem', { name: title });
    await card.getByText(name).waitFor();
    if (shots) await office.screenshot({ path: `${shots}/admin-prepare-mission-1280.png`, fullPage: true });
    expect(await axeFindings(office)).toEqual([]);

    const awa = await phone(email, PASSWORD);
    await seesMissionAfterSync(awa, title);
    if (shots) await awa.screenshot({ path: `${shots}/prepared-mission-member-360.png`, fullPage: true });
    await awa.getByRole('link', { name: title }).click();
    await awa.getByRole('heading', { level: 1, name: title }).waitFor();
  }, 240_000);

  it('by a coordinator on their phone: only the missions part, and the team pulls it', async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    const coordinator = { email: freshEmail('fatou'), name: `Fatou Exemple ${suffix}` };
    const member = { email: freshEmail('moussa'), name: `Moussa Exemple ${suffix}` };
    await admin.createUser({ ...coordinator, role: 'coordinator', password: PASSWORD });
    await admin.createUser({ ...member, role: 'member', password: PASSWORD });
    const title = `Mission de coordination ${suffix}`;

    const fatou = await phone(coordinator.email, PASSWORD);
    await prepare(fatou, { title, start: '2024-10-01', end: '2024-10-03', people: [member.name] });
    // No accounts part for a coordinator; their mission listed with its team (themself included).
    expect(await fatou.getByRole('heading', { name: 'Comptes' }).count()).toBe(0);
    const card = fatou.getByRole('listitem', { name: title });
    await card.getByText(member.name).waitFor();
    await card.getByText(coordinator.name).waitFor();
    expect(await horizontalOverflow(fatou)).toBeLessThanOrEqual(0);
    expect(await axeFindings(fatou)).toEqual([]);
    if (shots) await fatou.screenshot({ path: `${shots}/admin-prepare-mission-coordinator-360.png`, fullPage: true });

    const moussa = await phone(member.email, PASSWORD);
    await seesMissionAfterSync(moussa, title);
  }, 240_000);
});
