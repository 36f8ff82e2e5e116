// Every table of the app on a 360×640 phone: nothing reaches past the screen's edge except inside a
// marked scroll area ([data-scroll-area]), every value of the note's budget summary (with budgets in
// the tens of millions) and its totals are on screen and whole, the participants list and the admin's
// accounts become cards, the paste preview scrolls sideways with a visible cue. axe finds nothing.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './pages/LoginPage';
import { MissionsList } from './pages/MissionPages';
import { ParticipantsPage } from './pages/ParticipantsPage';
import { AdminPage } from './pages/SyncPages';
import { VisitNotePage } from './pages/VisitPages';
import { ADMIN, ADMIN_ENV, adminApiOf, freshEmail, PASSWORD } from './support/accounts';
import { launchBrowser, newPhoneContext, waitForServiceWorker } from './support/browser';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ env: ADMIN_ENV }), launchBrowser()]);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

/** French numbers group digits with narrow no-break spaces: compare with plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

/** Elements whose box reaches past either side of the screen, outside [data-scroll-area]. */
function overflowingElements(): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      if (element.closest('[data-scroll-area]')) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.right > width + 0.5 || box.left < -0.5)
        found.push(
          `${element.tagName.toLowerCase()}.${element.className} (${Math.round(box.left)}–${Math.round(box.right)})`,
        );
    }
    return found;
  });
}

/**
 * Whether the whole of this element's text can be seen once the page is scrolled down to it (only
 * down: nothing is scrolled sideways for it): on screen, not cut by its box, not hidden.
 */
async function wholeOnScreen(cell: Locator): Promise<boolean> {
  return cell.evaluate((element) => {
    window.scrollBy(0, element.getBoundingClientRect().top - window.innerHeight / 3);
    const box = element.getBoundingClientRect();
    const onScreen = box.left >= -0.5 && box.right <= document.documentElement.clientWidth + 0.5;
    const notCut = element.scrollWidth <= element.clientWidth + 1;
    const shown = element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    return onScreen && notCut && shown && box.width > 1;
  });
}

/** axe on the tables alone (other screens' parts are checked by the accessibility test). */
async function axeOnTables(): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('table')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** A fresh 360×640 phone with the app loaded and its first-install notice closed (it would cover the tables). */
async function phone(): Promise<void> {
  await context?.close();
  context = await newPhoneContext(browser);
  page = await context.newPage();
  await page.setViewportSize({ width: 360, height: 640 });
  const notice = page.getByText('Terrain fonctionne désormais sans réseau.');
  await page.addLocatorHandler(notice, async () => {
    await page.getByRole('button', { name: 'Fermer' }).click();
  });
  await page.goto(server.url);
  await waitForServiceWorker(page);
  await notice.waitFor({ timeout: 10_000 }).catch(() => undefined);
  if (await notice.isVisible()) await page.getByRole('button', { name: 'Fermer' }).click();
}

describe('tables on a 360 px phone', () => {
  it('shows every budget value and the totals of a note whole, as cards, with nothing past the screen', async () => {
    await phone();
    await new MissionsList(page).createDemo();
    const missionNav = page.getByRole('navigation', { name: 'Pages de la mission' });
    await missionNav.getByRole('link', { name: 'Visites' }).click();
    await page.getByLabel('Commune visitée').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Créer la note' }).click();
    const note = new VisitNotePage(page);
    await note.title().waitFor();
    const lines = [
      {
        activity: 'Construction d’un forage équipé d’un château d’eau',
        planned: '16750000',
        spent: '14237500',
        state: 'Achevée',
      },
      { activity: 'Réhabilitation de la maternité', planned: '9800000', spent: '9950000', state: 'En cours' },
      { activity: 'Piste rurale', planned: '1250000000', spent: '987654321', state: 'Abandonnée' },
    ];
    for (const line of lines) await note.addAchievement(line);
    await expect
      .poll(async () => (await note.totals()).map(plain))
      .toEqual(['1 276 550 000 FCFA', '1 011 841 821 FCFA', '79,3 %', '']);

    const expected = [
      ['Construction d’un forage équipé d’un château d’eau', '16 750 000 FCFA', '14 237 500 FCFA', '85 %', 'Achevée'],
      ['Réhabilitation de la maternité', '9 800 000 FCFA', '9 950 000 FCFA', '101,5 %', 'En cours'],
      ['Piste rurale', '1 250 000 000 FCFA', '987 654 321 FCFA', '79 %', 'Abandonnée'],
    ];
    const summary = note.budgetTable();
    for (const [n, values] of expected.entries()) {
      const row = summary.locator('tbody').getByRole('row').nth(n);
      const cells = row.getByRole('cell');
      expect((await cells.allTextContents()).map(plain)).toEqual(values);
      for (let i = 0; i < values.length; i++)
        expect(await wholeOnScreen(cells.nth(i)), `line ${n + 1}, value ${values[i]}`).toBe(true);
    }
    const totals = note.totalsRow().getByRole('cell');
    for (let i = 0; i < 3; i++) expect(await wholeOnScreen(totals.nth(i)), `total ${i + 1}`).toBe(true);
    // Each value is shown under its column's name, since the header row is not drawn on a phone.
    const spentLabel = await totals
      .nth(1)
      .evaluate((cell) => getComputedStyle(cell, '::before').content.replace(/\s*\/.*$/, ''));
    expect(spentLabel).toBe('"Dépensé"');
    expect(await overflowingElements()).toEqual([]);
    expect(await axeOnTables()).toEqual([]);
  });

  it('lists the participants as cards and scrolls the paste preview inside its own box, with a cue', async () => {
    await phone();
    const mission = await new MissionsList(page).createDemo();
    await mission.openTab('Participants');
    const participants = new ParticipantsPage(page);
    await expect.poll(() => participants.rows().count()).toBe(7);
    const first = participants.rows().first().getByRole('cell');
    for (let i = 0; i < 7; i++) expect(await wholeOnScreen(first.nth(i)), `participant column ${i + 1}`).toBe(true);
    expect(await overflowingElements()).toEqual([]);
    expect(await axeOnTables()).toEqual([]);

    await participants.openPaste();
    await participants.paste(
      [
        'N°\tNoms et prénoms\tFonction\tStructure\tTéléphone\tE-mail',
        '1\tMme DEMBELE AMINATA SANOGO\tChargée de suivi-évaluation\tMinistère de l’Économie et des Finances\t70 00 00 01\taminata.dembele.sanogo@finances.gouv.ml',
        '2\tADAMA TRAORE\tChauffeur\tPNUD\t12\tpas-un-mail',
      ].join('\n'),
    );
    await expect.poll(() => participants.previewRows().count()).toBe(2);
    const area = participants.preview().locator('[data-scroll-area]');
    await area.waitFor();
    const email = participants.previewRows().first().getByRole('cell').last();
    const hint = participants.preview().getByText('Faire défiler →');
    await hint.waitFor();
    expect(await wholeOnScreen(email)).toBe(false); // at first, the e-mail is further right…
    expect(await overflowingElements()).toEqual([]);
    // …the box scrolls sideways (by finger, or by keyboard once focused), and the page does not.
    expect(await area.getAttribute('tabindex')).toBe('0');
    await area.evaluate((box) => box.scrollTo({ left: box.scrollWidth }));
    await participants.preview().getByText('← Faire défiler').waitFor();
    expect(plain(await email.textContent())).toBe('aminata.dembele.sanogo@finances.gouv.ml');
    expect(await wholeOnScreen(email)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await axeOnTables()).toEqual([]);
  });

  it('shows the accounts of the administration screen as cards, a long e-mail whole', async () => {
    await phone();
    const email = freshEmail('aminata.dembele.sanogo.finances');
    await (await adminApiOf(server.url)).createUser({
      email,
      name: 'Mme DEMBELE AMINATA SANOGO',
      role: 'member',
      password: PASSWORD,
    });
    await new LoginPage(page).open(server.url);
    await new LoginPage(page).logInAndWait(ADMIN.email, ADMIN.password);
    const admin = new AdminPage(page);
    await admin.open();
    const row = admin.users().getByRole('row').filter({ hasText: email });
    const cells = row.getByRole('cell');
    expect(plain(await cells.nth(1).textContent())).toBe(email);
    for (let i = 0; i < 4; i++) expect(await wholeOnScreen(cells.nth(i)), `account column ${i + 1}`).toBe(true);
    expect(await overflowingElements()).toEqual([]);
    expect(await axeOnTables()).toEqual([]);
  });
});
