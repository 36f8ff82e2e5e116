import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell';
import { goOffline, launchBrowser, newPhoneContext } from './support/browser';
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

describe('the app shell', () => {
  it('opens offline in French, switches to English and back, and still opens offline', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    const shell = new AppShell(page);
    await page.goto(server.url);
    await expect.poll(() => shell.heading().textContent()).toBe('Missions');

    await goOffline(context, page);
    await page.reload();
    await expect.poll(() => shell.networkState().textContent()).toBe('Hors ligne');
    await page.getByText('Aucune mission pour l’instant.').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');

    await shell.openSettings();
    await shell.chooseLanguage('English');
    await expect.poll(() => shell.heading().textContent()).toBe('Settings');
    await shell.openMissions();
    await page.getByText('No missions yet.').waitFor();
    expect(await shell.networkState().textContent()).toBe('Offline');

    await shell.openSettings();
    await shell.chooseLanguage('Français');
    await expect.poll(() => shell.heading().textContent()).toBe('Paramètres');

    await page.reload();
    await expect.poll(() => shell.heading().textContent()).toBe('Paramètres');
    await shell.openMissions();
    await page.getByText('Aucune mission pour l’instant.').waitFor();
    await context.close();
  });

  it('renders a page opened directly by its address while offline', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await goOffline(context, page);
    await page.goto(`${server.url}/settings`);
    await expect.poll(() => new AppShell(page).heading().textContent()).toBe('Paramètres');
    await page.goto(`${server.url}/nimporte-quoi`);
    await page.getByText('Cette page n’existe pas.').waitFor();
    await context.close();
  });

  it('fits a 360 px wide screen without horizontal scrolling', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await new AppShell(page).heading().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
