// Structure names typed with their article (issue 13): the paste preview shows the clean form
// beside what was typed, the person applies it for one spelling or for all, and what is imported
// is what they chose. At 360 px the preview scrolls inside its box, never the page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MissionPage, MissionsList } from './pages/MissionPages';
import { ParticipantsPage } from './pages/ParticipantsPage';
import { launchBrowser, newPhoneContext } from './support/browser';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let participants: ParticipantsPage;

const table = [
  'N°\tNoms et prénoms\tFonction\tStructure\tTéléphone\tE-mail',
  '1\tAwa Diarra\tCheffe de division\tde Ministère des Mines\t70 00 00 01\tawa@example.org',
  '2\tMoussa Koné\tChargé de programme\tla PNUD\t70 00 00 02\tmoussa@example.org',
  '3\tBintou Sow\tExperte\tla PNUD\t70 00 00 03\tbintou@example.org',
  '4\tAmadou Cissé\tChauffeur\tLa Poste\t70 00 00 04\t',
].join('\n');

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  context = await newPhoneContext(browser);
  page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Missions' }).waitFor();
  await page.addLocatorHandler(page.getByText('Terrain fonctionne désormais sans réseau.'), async () => {
    await page.getByRole('button', { name: 'Fermer' }).click();
  });
  await new MissionsList(page).createMission('Mission des structures');
  await new MissionPage(page).openTab('Participants');
  participants = new ParticipantsPage(page);
  await participants.openPaste();
  await participants.paste(table);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe('structure names in the paste preview', () => {
  it('suggests the clean form beside the name as typed, and nothing for "La Poste"', async () => {
    const preview = participants.preview();
    await expect.poll(() => preview.textContent()).toContain('4 lignes prêtes à importer');
    expect(await preview.textContent()).toContain('3 noms de structure peuvent être écrits sans leur article');
    const rows = participants.previewRows();
    expect(await rows.nth(0).textContent()).toContain('de Ministère des MinesProposé : Ministère des Mines');
    expect(await rows.nth(3).textContent()).not.toContain('Proposé');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: '/tmp/participant-suggestions-360.png', fullPage: true });
  });

  it('applies one spelling where the person accepts it, in every row that has it', async () => {
    await page.getByRole('button', { name: 'Appliquer « PNUD » au lieu de « la PNUD »' }).first().click();
    const rows = participants.previewRows();
    await expect.poll(() => rows.nth(1).textContent()).not.toContain('Proposé');
    expect(await rows.nth(2).textContent()).not.toContain('Proposé');
    expect(await rows.nth(0).textContent()).toContain('Proposé : Ministère des Mines');
  });

  it('applies all the suggestions at once, and imports the names as chosen', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Appliquer toutes les suggestions' }).click();
    await expect.poll(() => participants.preview().textContent()).not.toContain('Proposé');
    await page.screenshot({ path: '/tmp/participant-suggestions-1280.png', fullPage: true });
    await participants.importRows();
    await expect.poll(() => participants.rows().count()).toBe(4);
    const listed = await participants.table().textContent();
    expect(listed).toContain('Ministère des Mines');
    expect(listed).not.toContain('de Ministère');
    expect(listed).not.toContain('la PNUD');
    expect(listed).toContain('La Poste');
  });
});
