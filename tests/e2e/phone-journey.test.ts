// The member's and the coordinator's journeys on a 360×640 phone, screen by screen: missions list,
// new mission, overview, TdR, participants pasted (with the preview), communes, visits, a new visit,
// the note with its achievements table, GPS point and photos, the review list and the review of the
// note, the report tab, the settings, the account, the administration. On every screen:
// - nothing is wider than the screen, except inside an element marked data-scroll-area (a table
//   that scrolls sideways with its own cue, the mission's tab strip);
// - the first field of a form is above the fold: its bottom above the bottom menu (640 − its height);
// - axe-core finds no WCAG 2.x A/AA (nor best-practice) violation, at 360×640 and at 1280×800;
// - a screenshot at both sizes goes to tests/e2e/artifacts/phone-journey/ (not committed).
// Findings are gathered over the whole journey and compared at the end, so one run names them all.
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/shared/protocol';
import type { AdminApi } from '../../src/sync/adminApi';
import { followMainNavLink } from './pages/AppShell';
import { CommunesPage } from './pages/ItineraryPages';
import { LoginPage } from './pages/LoginPage';
import { MissionPage, MissionsList } from './pages/MissionPages';
import { ParticipantsPage } from './pages/ParticipantsPage';
import { NoteReviewPanel, ReviewScreen } from './pages/ReviewPages';
import { SyncStatusBar } from './pages/SyncPages';
import { TdrPage } from './pages/TdrPage';
import { VisitList } from './pages/VisitPages';
import { ADMIN, ADMIN_ENV, adminApiOf, createAccount, freshEmail, PASSWORD } from './support/accounts';
import { launchBrowser, newPhoneContext, waitForQuietNetwork } from './support/browser';
import { drawJpegs } from './support/jpeg';
import { type RunningServer, startServer } from './support/server';

const ARTIFACTS = path.resolve(import.meta.dirname, 'artifacts/phone-journey');
const PHONE = { width: 360, height: 640 };
const DESKTOP = { width: 1280, height: 800 };
const TITLE = 'Visite de terrain du comité technique de suivi du projet dans la région de Mopti';
const PASTED = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/participants-word.txt'), 'utf8');

let server: RunningServer;
let browser: Browser;
let admin: AdminApi;
let member: User;
let coordinator: User;
const contexts: BrowserContext[] = [];
/** A retry runs on the same server: its mission gets a title of its own, to find its note in the review list. */
let attempt = 0;

/** What the journey found, by screen: compared with empty records at the end. */
const overflowing: Record<string, string[]> = {};
const belowFold: Record<string, string> = {};
const axeViolations: Record<string, string[]> = {};
/** Where each form's first field sits at 360×640, for the record (printed at the end). */
const firstFields: Record<string, { label: string; top: number; bottom: number; limit: number }> = {};

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ env: ADMIN_ENV }), launchBrowser()]);
  admin = await adminApiOf(server.url);
  member = await createAccount(admin, 'Awa Exemple', { email: freshEmail('awa') });
  coordinator = await createAccount(admin, 'Mariam Exemple', { email: freshEmail('mariam'), role: 'coordinator' });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.stop();
});

async function phoneOf(email: string, password: string): Promise<Page> {
  const context = await newPhoneContext(browser);
  contexts.push(context);
  await context.grantPermissions(['geolocation'], { origin: server.url });
  await context.setGeolocation({ latitude: 15.0019, longitude: -2.9498, accuracy: 12 });
  const page = await context.newPage();
  await page.setViewportSize(PHONE);
  // The first install's notice floats over the page's foot for a few seconds: closed when it shows.
  await page.addLocatorHandler(page.getByText('Terrain fonctionne désormais sans réseau.'), async () => {
    await page.getByRole('button', { name: 'Fermer' }).click();
  });
  const login = new LoginPage(page);
  await login.open(server.url);
  await login.logInAndWait(email, password);
  return page;
}

/** Elements reaching past the screen's sides, outside any data-scroll-area (which may scroll). */
function overflowOf(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
    const found: string[] = [];
    const page = document.documentElement.scrollWidth - width;
    if (page > 0) found.push(`the page scrolls sideways by ${page} px`);
    for (const el of document.body.querySelectorAll('*')) {
      const area = el.parentElement?.closest('[data-scroll-area]');
      if (area) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (box.right > width + 0.5 || box.left < -0.5) {
        const text = (el.textContent ?? '').trim().slice(0, 40);
        found.push(`${name(el)} [${Math.round(box.left)}…${Math.round(box.right)}] «${text}»`);
      }
    }
    return found.slice(0, 12);
  });
}

/** The first visible field of the page's main part, with its label and box. */
function firstFieldOf(page: Page) {
  return page.evaluate(() => {
    const fields = document.querySelectorAll<HTMLElement>(
      'main input:not([type=hidden]):not([type=file]), main select, main textarea',
    );
    for (const field of fields) {
      const box = field.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const label =
        (field as HTMLInputElement).labels?.[0]?.textContent?.trim() || field.getAttribute('aria-label') || field.id;
      return { label, top: Math.round(box.top + window.scrollY), bottom: Math.round(box.bottom + window.scrollY) };
    }
    return null;
  });
}

async function axeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim()}`),
  );
}

/**
 * Checks the screen as it is now at 360×640 (overflow, first field if `form`, axe, screenshot),
 * then at 1280×800 (axe, screenshot), and goes back to the phone's size.
 */
async function checkScreen(page: Page, name: string, options: { form?: boolean } = {}) {
  await waitForQuietNetwork(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  const overflow = await overflowOf(page);
  if (overflow.length > 0) overflowing[name] = overflow;
  if (options.form) {
    const nav = await page.getByRole('navigation', { name: 'Menu principal' }).boundingBox();
    const limit = PHONE.height - (nav?.height ?? 0);
    const field = await firstFieldOf(page);
    if (!field) belowFold[name] = 'no field on this screen';
    else {
      firstFields[name] = { ...field, limit };
      if (field.bottom > limit) belowFold[name] = `${field.label}: bottom at ${field.bottom} px, limit ${limit} px`;
    }
  }
  const phoneAxe = await axeFindings(page);
  if (phoneAxe.length > 0) axeViolations[`${name} 360×640`] = phoneAxe;
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-360x640.png`) });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-360-full.png`), fullPage: true });

  await page.setViewportSize(DESKTOP);
  await page.waitForTimeout(200);
  const desktopAxe = await axeFindings(page);
  if (desktopAxe.length > 0) axeViolations[`${name} 1280×800`] = desktopAxe;
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-1280x800.png`) });
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(200);
}

describe('the whole journey on a 360×640 phone', () => {
  it('fits the screen, keeps each first field above the fold and passes axe, at 360×640 and 1280×800', async () => {
    attempt += 1;
    const title = attempt === 1 ? TITLE : `${TITLE} (${attempt})`;
    // ---- the member prepares the mission ----
    const awa = await phoneOf(member.email, PASSWORD);
    const awaSync = new SyncStatusBar(awa);
    await awa.getByRole('heading', { level: 1, name: 'Missions' }).waitFor();
    await checkScreen(awa, '01-missions-empty');

    const form = await new MissionsList(awa).newMission();
    await checkScreen(awa, '02-mission-new', { form: true });
    await form.fill({ title, project: 'Projet de démonstration', start: '2024-07-22', end: '2024-07-26' });
    await form.submit();
    const mission = new MissionPage(awa);
    await expect.poll(() => mission.title().textContent()).toBe(title);
    const missionId = new URL(awa.url()).pathname.split('/')[2];
    await checkScreen(awa, '03-overview');

    await mission.openTab('TdR');
    const tdr = new TdrPage(awa);
    await tdr.startRevision();
    await checkScreen(awa, '04-tdr-form', { form: true });
    await tdr.section('Contexte').fill('Visite reportée deux fois.');
    await tdr.author().fill('Awa Exemple');
    await tdr.save();
    await awa.getByRole('heading', { name: 'Révisions' }).waitFor();
    await checkScreen(awa, '05-tdr');

    await mission.openTab('Participants');
    const participants = new ParticipantsPage(awa);
    await participants.openPaste();
    await checkScreen(awa, '06-participants-paste', { form: true });
    await participants.paste(PASTED);
    await expect.poll(() => participants.preview().textContent()).toContain('7 lignes prêtes à importer');
    await checkScreen(awa, '07-participants-preview');
    await participants.importRows();
    await expect.poll(() => participants.rows().count()).toBe(7);
    await checkScreen(awa, '08-participants');

    await mission.openTab('Communes');
    const communes = new CommunesPage(awa);
    await awa.getByRole('link', { name: 'Ajouter une commune' }).click();
    await communes.field('Commune').waitFor();
    await checkScreen(awa, '09-commune-form', { form: true });
    await communes.fill({ name: 'Douentza', region: 'Mopti', cercle: 'Douentza', date: '2024-07-24' });
    await communes.save();
    await communes.itinerary().waitFor();
    await checkScreen(awa, '10-communes');

    // ---- the visit: "Visites" of the bottom menu leads to this mission's visits ----
    await followMainNavLink(awa, 'Visites');
    await awa.getByRole('heading', { name: 'Nouvelle visite' }).waitFor();
    expect(new URL(awa.url()).pathname).toBe(`/missions/${missionId}/visits`);
    await checkScreen(awa, '11-visits', { form: true });
    const note = await new VisitList(awa).newVisit({ choose: 'Douentza' });
    await note.title().waitFor();
    await checkScreen(awa, '12-visit-note', { form: true });
    await note.field('Observations').fill('Forage en service, château d’eau rempli.');
    await note.addAchievement({ activity: 'Forage pastoral de Boni', planned: '12500000', spent: '9800000' });
    await note.addAchievement({ activity: 'Réhabilitation de l’école', planned: '4200000', spent: '4200000' });
    await note.budgetTable().scrollIntoViewIfNeeded();
    await note.waitSaved();
    await checkScreen(awa, '13-visit-achievements');
    await note.recordPosition();
    await note
      .gpsSection()
      .getByText(/15,00190/)
      .waitFor();
    await checkScreen(awa, '14-visit-gps');
    const jpegs = await drawJpegs(awa, 1600, 1200, 2);
    await note.choosePhotos(
      jpegs.map((buffer, n) => ({ name: `forage-${n + 1}.jpg`, mimeType: 'image/jpeg', buffer })),
    );
    await expect.poll(() => note.photos().count(), { timeout: 60_000 }).toBe(2);
    await note.waitSaved();
    await checkScreen(awa, '15-visit-photos');
    await new NoteReviewPanel(awa).take('Soumettre la note');
    await awaSync.waitAllSent(120_000);
    await admin.addMember(missionId, coordinator.id);

    // ---- the coordinator reviews ----
    const mariam = await phoneOf(coordinator.email, PASSWORD);
    const review = new ReviewScreen(mariam);
    await expect.poll(() => review.badge().textContent(), { timeout: 60_000 }).toBe('1');
    await review.open();
    await review.filter('Mission', title);
    await checkScreen(mariam, '16-review-list', { form: true });
    const panel = await review.openNote('Douentza');
    await checkScreen(mariam, '17-review-note');
    await panel.take('Demander des modifications', 'Précisez le débit du forage.');
    await panel
      .done()
      .getByText(/Modifications demandées/)
      .waitFor();
    await new SyncStatusBar(mariam).waitAllSent();
    await followMainNavLink(mariam, 'Points d’action');
    await mariam.getByRole('heading', { name: 'Points d’action ouverts' }).waitFor();
    await checkScreen(mariam, '18-open-actions');

    // ---- back to the member: the request, the report, the settings, the account ----
    await awaSync.syncNow();
    await awaSync.waitAllSent();
    await awa.goto(`${server.url}/missions/${missionId}/visits`);
    await awa.getByRole('heading', { name: 'Nouvelle visite' }).waitFor();
    await expect.poll(() => awa.getByTestId('to-revise-badge').textContent(), { timeout: 30_000 }).toContain('1');
    await checkScreen(awa, '19-visits-to-revise', { form: true });
    await mission.openTab('Aperçu');
    await awa.getByRole('navigation', { name: 'Pages de la mission' }).getByRole('link', { name: 'Rapport' }).click();
    await awa.getByRole('heading', { name: 'Rapport et exports' }).waitFor();
    await checkScreen(awa, '20-report');
    await followMainNavLink(awa, 'Paramètres');
    await awa.getByRole('heading', { level: 1, name: 'Paramètres' }).waitFor();
    await checkScreen(awa, '21-settings', { form: true });
    await followMainNavLink(awa, 'Compte');
    await awa.getByRole('heading', { level: 1, name: 'Compte' }).waitFor();
    await checkScreen(awa, '22-account', { form: true });

    // ---- the administrator ----
    const adminPhone = await phoneOf(ADMIN.email, ADMIN.password);
    await followMainNavLink(adminPhone, 'Administration');
    await adminPhone.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await checkScreen(adminPhone, '23-admin', { form: true });

    console.log(
      `first field of each form at 360×640 (page y, bottom menu at ${PHONE.height} − its height):\n${Object.entries(
        firstFields,
      )
        .map(([screen, f]) => `  ${screen}: «${f.label}» ${f.top}–${f.bottom} px (limit ${f.limit})`)
        .join('\n')}`,
    );
    expect({ overflowing, belowFold, axeViolations }).toEqual({ overflowing: {}, belowFold: {}, axeViolations: {} });
    // Long on purpose: 23 screens, each checked by axe at two sizes, on a shared 2-core machine.
  }, 1_500_000);
});
