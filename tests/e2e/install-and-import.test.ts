// A new phone: a mission arrives as an archive from the empty missions list (no throw-away mission
// first), the settings say whether the browser keeps the data, and Terrain offers to be installed
// where the browser allows it (a synthetic `beforeinstallprompt`) or explains the home screen on
// an iPhone.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportArchive } from '../../src/report/archive/exportArchive';
import { demoArchiveData, demoMission } from '../fixtures/reportBundle';
import { AppShell } from './pages/AppShell';
import { goOffline, launchBrowser, newPhoneContext } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const shots = process.env.SCREENSHOT_DIR;
const demo = demoMission();
let server: RunningServer;
let browser: Browser;
let archive: Uint8Array;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser, archive] = await Promise.all([
    startServer(),
    launchBrowser(),
    exportArchive(demoArchiveData(demo)),
  ]);
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

/** A new phone (an empty profile) on the missions list; `userAgent` to be another phone. */
async function freshPhone(options: { userAgent?: string } = {}): Promise<Page> {
  const context = options.userAgent
    ? await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'fr-FR', userAgent: options.userAgent })
    : await newPhoneContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1, name: 'Missions' }).waitFor();
  return page;
}

const noHorizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** What axe finds on the page as it is now, one line per failing element. */
async function axeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** What a Chromium page receives when the app can be installed; `prompt()` is recorded. */
function offerInstall(page: Page, outcome: 'accepted' | 'dismissed') {
  return page.evaluate((choice) => {
    const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & {
      prompt: () => Promise<void>;
      userChoice: Promise<{ outcome: string }>;
    };
    const w = window as unknown as { promptCalls: number; installEvent: Event };
    w.promptCalls = 0;
    w.installEvent = event;
    event.prompt = async () => {
      w.promptCalls += 1;
    };
    event.userChoice = Promise.resolve({ outcome: choice });
    window.dispatchEvent(event);
  }, outcome);
}

describe('a mission archive on a new phone', () => {
  it('is imported from the empty missions list, offline, and its mission opens with what arrived', async () => {
    const page = await freshPhone();
    await goOffline(page.context(), page);
    const card = page.getByRole('region', { name: 'Une mission reçue d’un autre appareil ?' });
    await card
      .getByLabel('Importer une archive')
      .setInputFiles({ name: 'mission.zip', mimeType: 'application/zip', buffer: Buffer.from(archive) });
    await page.getByRole('heading', { level: 1, name: demo.mission.title }).waitFor();
    const notice = page.getByRole('status').filter({ hasText: 'importée' });
    await expect
      .poll(() => notice.textContent())
      .toMatch(new RegExp(`^Mission « ${demo.mission.title} » importée : \\d+ éléments, 6 photos\\.`));
    expect(await noHorizontalOverflow(page)).toBe(true);
    expect(await axeFindings(page)).toEqual([]);
    if (shots) await page.screenshot({ path: `${shots}/archive-imported-360.png` });
    // It is about this page: back on the missions list it is gone, and the mission is listed.
    await new AppShell(page).openMissions();
    await page.getByRole('link', { name: demo.mission.title }).waitFor();
    expect(await notice.count()).toBe(0);
  });

  it('says a file that is not an archive is refused, and stays on the missions list', async () => {
    const page = await freshPhone();
    await page
      .getByLabel('Importer une archive')
      .setInputFiles({ name: 'photo.zip', mimeType: 'application/zip', buffer: Buffer.from('pas une archive') });
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Ce fichier est illisible : ce n’est pas une archive .zip, ou il est endommagé.');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Missions');
    if (shots) await page.screenshot({ path: `${shots}/missions-empty-import-360.png`, fullPage: true });
  });

  it('is imported from the settings too; importing it again says it is already up to date', async () => {
    const page = await freshPhone();
    const shell = new AppShell(page);
    for (const expected of ['importée', 'déjà à jour sur cet appareil']) {
      await shell.openSettings();
      await page
        .getByRole('region', { name: 'Une mission reçue d’un autre appareil ?' })
        .getByLabel('Importer une archive')
        .setInputFiles({ name: 'mission.zip', mimeType: 'application/zip', buffer: Buffer.from(archive) });
      await page.getByRole('heading', { level: 1, name: demo.mission.title }).waitFor();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: demo.mission.title }).first().textContent())
        .toContain(expected);
    }
  });
});

describe('keeping the data', () => {
  it('shows in the settings whether storage is persistent, with usage, and asks for it', async () => {
    const page = await freshPhone();
    await new AppShell(page).openSettings();
    const persistence = page.getByTestId('storage-persistence');
    await expect.poll(() => persistence.textContent()).toContain('Stockage non persistant');
    await expect.poll(() => page.getByTestId('storage-usage').textContent()).toMatch(/utilisés sur .* disponibles/);
    // What an installed app or an engaged site gets from Chromium: the grant, given here directly.
    // (Browser.grantPermissions acts on one browser context: this phone's.)
    const { targetInfo } = await (await page.context().newCDPSession(page)).send('Target.getTargetInfo');
    await (await browser.newBrowserCDPSession()).send('Browser.grantPermissions', {
      origin: new URL(server.url).origin,
      permissions: ['durableStorage'],
      browserContextId: targetInfo.browserContextId,
    });
    await page.getByRole('button', { name: 'Demander au navigateur de garder les données' }).click();
    await expect.poll(() => persistence.textContent()).toContain('Stockage persistant accordé');
    expect(await page.evaluate(() => navigator.storage.persisted())).toBe(true);
    expect(await noHorizontalOverflow(page)).toBe(true);
    expect(await axeFindings(page)).toEqual([]);
    if (shots) await page.screenshot({ path: `${shots}/settings-storage-360.png`, fullPage: true });
  });
});

describe('installing Terrain', () => {
  it('offers an "Installer Terrain" button once the browser allows it, and opens the browser’s dialog', async () => {
    const page = await freshPhone();
    const install = page.getByRole('button', { name: 'Installer Terrain' });
    expect(await install.count()).toBe(0);
    await offerInstall(page, 'accepted');
    await install.waitFor();
    // The browser's own mini-bar is replaced by our button.
    expect(
      await page.evaluate(() => (window as unknown as { installEvent: Event }).installEvent.defaultPrevented),
    ).toBe(true);
    expect(await noHorizontalOverflow(page)).toBe(true);
    expect(await axeFindings(page)).toEqual([]);
    if (shots) await page.screenshot({ path: `${shots}/install-invitation-360.png` });
    await install.click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { promptCalls: number }).promptCalls)).toBe(1);
    await expect.poll(() => install.count()).toBe(0);
    await new AppShell(page).openSettings();
    await expect
      .poll(() => page.getByTestId('install-state').textContent())
      .toBe('Terrain vient d’être installé : ouvrez-le désormais depuis son icône.');
  });

  it('hides the invitation for the session, and shows it again once notes wait to be sent', async () => {
    const page = await freshPhone();
    await offerInstall(page, 'dismissed');
    const invitation = page.getByRole('region', { name: /Installez Terrain :/ });
    await invitation.waitFor();
    await invitation.getByRole('button', { name: 'Masquer cette invitation' }).click();
    await expect.poll(() => invitation.count()).toBe(0);
    // The demo mission is unsent data on this phone only.
    await page.getByRole('button', { name: 'Créer une mission de démonstration' }).click();
    await page.getByRole('navigation', { name: 'Pages de la mission' }).waitFor();
    await new AppShell(page).openMissions();
    await invitation.waitFor();
    expect(await invitation.textContent()).toContain('non envoyées ne sont que sur cet appareil');
    if (shots) await page.screenshot({ path: `${shots}/install-invitation-unsent-360.png` });
  });

  it('explains the home screen on an iPhone, where Safari would delete the data after 7 days', async () => {
    const page = await freshPhone({
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    });
    const invitation = page.getByRole('region', {
      name: 'Ajoutez Terrain à l’écran d’accueil pour ne pas perdre vos données.',
    });
    await invitation.waitFor();
    await invitation.getByText('Comment faire ?').click();
    await invitation.getByText('Touchez « Sur l’écran d’accueil », puis « Ajouter ».').waitFor();
    expect(await invitation.textContent()).toContain('Safari efface les données d’un site après 7 jours sans visite');
    expect(await noHorizontalOverflow(page)).toBe(true);
    expect(await axeFindings(page)).toEqual([]);
    if (shots) await page.screenshot({ path: `${shots}/install-iphone-360.png` });
    await new AppShell(page).openSettings();
    await expect
      .poll(() => page.getByTestId('install-state').textContent())
      .toBe('Sur iPhone et iPad, ajoutez Terrain à l’écran d’accueil :');
  });
});
