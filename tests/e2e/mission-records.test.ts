// A mission's records (communes, participants, action points) are opened by their address, which
// holds both the mission's id and the record's: a record pasted under another mission's address must
// not open there for editing (its save would change the first mission's record from the second's page).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionPointsPage, CommunesPage } from './pages/ItineraryPages';
import { MissionPage, MissionsList } from './pages/MissionPages';
import { ParticipantsPage } from './pages/ParticipantsPage';
import { launchBrowser, newPhoneContext } from './support/browser';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The record's id, read from the link that opens it in its own mission's list. */
async function idOf(page: Page, linkName: string): Promise<string> {
  const href = await page.getByRole('link', { name: linkName, exact: true }).getAttribute('href');
  return String(href).split('/').pop() ?? '';
}

describe('a record under another mission’s address', () => {
  it('is not found there, for communes, participants and action points alike, and opens under its own', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.addLocatorHandler(page.getByText('Terrain fonctionne désormais sans réseau.'), async () => {
      await page.getByRole('button', { name: 'Fermer' }).click();
    });
    await page.goto(server.url);
    const missions = new MissionsList(page);
    const first = await missions.createMission('Mission de Douentza');
    const mission = new MissionPage(page);

    await mission.openTab('Communes');
    await new CommunesPage(page).add({ name: 'Douentza' });
    const communeId = await idOf(page, 'Douentza');
    await mission.openTab('Participants');
    const participants = new ParticipantsPage(page);
    await participants.add();
    await participants.fill({ fullName: 'Awa Exemple' });
    await participants.save();
    await participants.table().waitFor();
    const participantId = await idOf(page, 'Awa Exemple');
    await mission.openTab('Actions');
    await new ActionPointsPage(page).add({ point: 'Relancer la mairie' });
    const pointId = await idOf(page, 'Relancer la mairie');

    await page.goto(server.url);
    const second = await missions.createMission('Mission de Bandiagara');
    const forms: [string, string, string][] = [
      ['communes', communeId, 'Commune'],
      ['participants', participantId, 'Noms et prénoms'],
      ['actions', pointId, 'Point'],
    ];
    const seenElsewhere: Record<string, string> = {};
    for (const [tab, id, firstField] of forms) {
      await page.goto(`${server.url}/missions/${second}/${tab}/${id}`);
      const notFound = page.getByText('Cette page n’existe pas.');
      const form = page.getByLabel(firstField, { exact: true });
      await notFound.or(form).first().waitFor();
      seenElsewhere[tab] = (await form.count()) > 0 ? 'form to edit' : 'not found';

      await page.goto(`${server.url}/missions/${first}/${tab}/${id}`);
      await form.waitFor();
      expect(await page.getByRole('button', { name: 'Enregistrer' }).count()).toBe(1);
    }
    expect(seenElsewhere).toEqual({ communes: 'not found', participants: 'not found', actions: 'not found' });
    await context.close();
  });
});
