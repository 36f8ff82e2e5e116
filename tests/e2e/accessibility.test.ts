// axe-core on the main screens, as a phone holds them (360×640, French): login, the missions list,
// a mission's overview, a visit note, the report tab, the settings. Every WCAG 2.x A/AA finding
// counts; there must be none.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followMainNavLink } from './pages/AppShell';
import { VisitNotePage } from './pages/VisitPages';
import { launchBrowser, newPhoneContext, waitForQuietNetwork } from './support/browser';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

/** The violations axe finds on the page as it is now, one readable line per failing element. */
async function axeFindings(): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim()}`),
  );
}

describe('accessibility of the main screens (axe)', () => {
  it('finds no violation on login, missions, overview, visit note, report and settings at 360×640', async () => {
    await context?.close();
    context = await newPhoneContext(browser);
    page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 640 });
    // The first install's notice floats over the page for a few seconds: close it when it shows.
    await page.addLocatorHandler(page.getByText('Terrain fonctionne désormais sans réseau.'), async () => {
      await page.getByRole('button', { name: 'Fermer' }).click();
    });
    const findings: Record<string, string[]> = {};

    await page.goto(`${server.url}/login`);
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    findings.login = await axeFindings();

    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Missions' }).click();
    await page.getByRole('button', { name: 'Créer une mission de démonstration' }).waitFor();
    findings.missions = await axeFindings();

    await page.getByRole('button', { name: 'Créer une mission de démonstration' }).click();
    const missionNav = page.getByRole('navigation', { name: 'Pages de la mission' });
    await missionNav.waitFor();
    await waitForQuietNetwork(page);
    findings.overview = await axeFindings();

    // A visit note in the first commune of the demo itinerary.
    await missionNav.getByRole('link', { name: 'Visites' }).click();
    await page.getByRole('heading', { name: 'Nouvelle visite' }).waitFor();
    await page.getByLabel('Commune visitée').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Créer la note' }).click();
    const note = new VisitNotePage(page);
    await note.title().waitFor();
    await note.field('Observations').fill('Forage en service, château d’eau rempli.');
    await note.waitSaved();
    findings.visitNote = await axeFindings();

    await missionNav.getByRole('link', { name: 'Rapport' }).click();
    await page.getByRole('heading', { name: 'Rapport et exports' }).waitFor();
    await waitForQuietNetwork(page);
    findings.report = await axeFindings();

    await followMainNavLink(page, 'Paramètres');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await waitForQuietNetwork(page);
    findings.settings = await axeFindings();

    expect(findings).toEqual({ login: [], missions: [], overview: [], visitNote: [], report: [], settings: [] });
  }, 180_000);
});
