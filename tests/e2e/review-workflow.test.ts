// The coordinator review in real Chromium against the real server: a note submitted offline goes
// to the coordinator's queue, comes back "à revoir" with a comment the author reads offline, is
// resubmitted and validated (then read-only, with its whole history); a conflict between two
// members is settled by the coordinator and every device ends with the chosen value; a member is
// neither offered validation nor allowed it by the server.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/shared/constants';
import type { User } from '../../src/shared/protocol';
import type { AdminApi } from '../../src/sync/adminApi';
import { createSyncApi } from '../../src/sync/api';
import { LoginPage } from './pages/LoginPage';
import { horizontalOverflow, MissionPage, MissionsList } from './pages/MissionPages';
import { NoteReviewPanel, ReviewScreen } from './pages/ReviewPages';
import { SyncStatusBar } from './pages/SyncPages';
import { VisitList, VisitNotePage } from './pages/VisitPages';
import { ADMIN_ENV, adminApiOf, apiClientAs, createAccount, PASSWORD } from './support/accounts';
import { goOffline, launchBrowser, newPhoneContext } from './support/browser';
import { drawJpegs } from './support/jpeg';
import { type RunningServer, startServer } from './support/server';

const shots = process.env.SCREENSHOT_DIR;

let server: RunningServer;
let browser: Browser;
let admin: AdminApi;
let awa: User;
let ibrahim: User;
let mariam: User;

beforeAll(async () => {
  server = await startServer({ env: ADMIN_ENV });
  browser = await launchBrowser();
  admin = await adminApiOf(server.url);
  awa = await createAccount(admin, 'Awa Exemple');
  ibrahim = await createAccount(admin, 'Ibrahim Exemple');
  mariam = await createAccount(admin, 'Mariam Exemple', { role: 'coordinator' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Phone {
  context: BrowserContext;
  page: Page;
  sync: SyncStatusBar;
}

async function phoneOf(user: User): Promise<Phone> {
  const context = await newPhoneContext(browser);
  const page = await context.newPage();
  const loginPage = new LoginPage(page);
  await loginPage.open(server.url);
  await loginPage.logInAndWait(user.email, PASSWORD);
  return { context, page, sync: new SyncStatusBar(page) };
}

async function backOnline(phone: Phone) {
  await phone.context.setOffline(false);
  await phone.sync.waitAllSent();
}

/** A mission made on `owner`'s phone and sent to the server, shared with `others`. */
async function sharedMission(owner: Phone, title: string, others: User[]): Promise<string> {
  const form = await new MissionsList(owner.page).newMission();
  await form.fill({ title, project: 'Projet de démonstration', start: '2024-07-22', end: '2024-07-26' });
  await form.submit();
  await expect.poll(() => new MissionPage(owner.page).title().textContent()).toBe(title);
  const missionId = new URL(owner.page.url()).pathname.split('/')[2];
  await owner.sync.waitAllSent();
  for (const other of others) await admin.addMember(missionId, other.id);
  return missionId;
}

const noteUrl = (missionId: string, noteId: string) => `${server.url}/missions/${missionId}/visits/${noteId}`;

describe('the review of a visit note', () => {
  it('goes submit offline → changes asked → resubmitted offline → validated, read-only, with its history', async () => {
    const a = await phoneOf(awa);
    const missionId = await sharedMission(a, 'Mission de suivi', [mariam]);

    // Awa, offline, writes a note with a photo and submits it.
    await goOffline(a.context, a.page);
    const list = new VisitList(a.page);
    await list.open(server.url, missionId);
    const note = await list.newVisit({ type: 'Kéra' });
    await note.field('Observations').fill('Le forage fonctionne.');
    const [jpeg] = await drawJpegs(a.page, 2000, 1500, 1);
    await note.choosePhotos([{ name: 'forage.jpg', mimeType: 'image/jpeg', buffer: jpeg }]);
    await expect.poll(() => note.photos().count(), { timeout: 60_000 }).toBe(1);
    await note.waitSaved();
    const noteId = new URL(a.page.url()).pathname.split('/').at(-1) as string;
    const awaPanel = new NoteReviewPanel(a.page);
    expect(await awaPanel.step('Valider la note').count()).toBe(0);
    await awaPanel.take('Soumettre la note');
    await awaPanel.done().getByText('Note soumise aux coordinateurs.').waitFor();
    await backOnline(a);

    // Mariam sees it in her queue, with the number waiting in the menu, and its photo full size.
    const m = await phoneOf(mariam);
    const review = new ReviewScreen(m.page);
    await expect.poll(() => review.badge().textContent(), { timeout: 60_000 }).toBe('1');
    await review.open();
    await expect.poll(() => review.note('Kéra').textContent()).toContain('Soumise');
    expect(await review.note('Kéra').textContent()).toContain('Mission de suivi');
    const photo = await review.openPhoto('Kéra', 1);
    const image = photo.getByRole('img');
    await image.waitFor({ timeout: 60_000 });
    expect(await image.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBe(1600);
    const forReport = photo.getByRole('checkbox', { name: 'Pour le rapport' });
    expect(await forReport.isChecked()).toBe(true);
    await forReport.uncheck();
    await expect.poll(() => forReport.isChecked()).toBe(false);
    await photo.getByRole('button', { name: 'Fermer' }).click();
    if (shots) await m.page.screenshot({ path: `${shots}/review-queue-360.png`, fullPage: true });
    expect(await horizontalOverflow(m.page)).toBeLessThanOrEqual(0);

    // She asks for changes: a comment is required.
    const mPanel = await review.openNote('Kéra');
    if (shots) await mPanel.region().screenshot({ path: `${shots}/review-panel-coordinator-360.png` });
    await mPanel.take('Demander des modifications');
    await mPanel.errors().getByText('Écrivez un commentaire pour l’auteur.').waitFor();
    await mPanel.take('Demander des modifications', 'Précisez le débit du forage.');
    await mPanel
      .done()
      .getByText(/Modifications demandées/)
      .waitFor();
    await m.sync.waitAllSent();

    // Awa syncs, then offline again reads the comment (after a reload), edits and resubmits.
    await a.page.goto(noteUrl(missionId, noteId));
    await a.sync.syncNow();
    await awaPanel.request().waitFor({ timeout: 60_000 });
    await goOffline(a.context, a.page);
    await a.page.reload();
    await expect.poll(() => awaPanel.request().textContent()).toContain('Précisez le débit du forage.');
    expect(await awaPanel.request().textContent()).toContain('Mariam Exemple');
    if (shots) await awaPanel.region().screenshot({ path: `${shots}/review-request-offline-360.png` });
    const edited = new VisitNotePage(a.page);
    await edited.field('Observations').fill('Le forage fonctionne : 3 m³ par heure.');
    await edited.waitSaved();
    await awaPanel.take('Soumettre la note', 'Débit ajouté.');
    await awaPanel.done().getByText('Note soumise aux coordinateurs.').waitFor();
    await backOnline(a);

    // Mariam validates; for Awa the note is then read-only.
    await m.sync.syncNow();
    await mPanel.step('Valider la note').waitFor({ timeout: 60_000 });
    await mPanel.take('Valider la note');
    await mPanel.done().getByText('Note validée.').waitFor();
    await m.sync.waitAllSent();
    await a.sync.syncNow();
    await a.page.getByText('Cette note est validée : elle ne peut plus être modifiée.').waitFor({ timeout: 60_000 });
    expect(await edited.field('Observations').isDisabled()).toBe(true);
    expect(await awaPanel.step('Soumettre la note').count()).toBe(0);
    await a.page.reload();
    await expect.poll(() => edited.field('Observations').inputValue()).toBe('Le forage fonctionne : 3 m³ par heure.');
    expect(await edited.field('Observations').isDisabled()).toBe(true);
    expect(await edited.photos().first().getByRole('checkbox', { name: 'Inclure dans le rapport' }).isChecked()).toBe(
      false,
    );

    const steps = await awaPanel.history().allTextContents();
    expect(steps).toHaveLength(4);
    expect(steps[0]).toMatch(/^Brouillon → Soumise Awa Exemple, le \d\d\/\d\d\/\d{4} à \d\d:\d\d/);
    expect(steps[1]).toMatch(/^Soumise → À revoir Mariam Exemple, .*Précisez le débit du forage\.$/);
    expect(steps[2]).toMatch(/^À revoir → Soumise Awa Exemple, .*Débit ajouté\.$/);
    expect(steps[3]).toMatch(/^Soumise → Validée Mariam Exemple, /);
    if (shots) await awaPanel.region().screenshot({ path: `${shots}/review-history-360.png` });
    expect(await horizontalOverflow(a.page)).toBeLessThanOrEqual(0);

    await a.context.close();
    await m.context.close();
  });
});

describe('a conflict between two members', () => {
  it('is shown side by side to the coordinator, who keeps one value; both members end with it', async () => {
    const a = await phoneOf(awa);
    const missionId = await sharedMission(a, 'Mission partagée', [ibrahim, mariam]);
    const list = new VisitList(a.page);
    await list.open(server.url, missionId);
    await list.newVisit({ type: 'Sokoura' });
    await new VisitNotePage(a.page).waitSaved();
    const noteId = new URL(a.page.url()).pathname.split('/').at(-1) as string;
    await a.sync.waitAllSent();

    const b = await phoneOf(ibrahim);
    await b.page.goto(noteUrl(missionId, noteId));
    const bNote = new VisitNotePage(b.page);
    await bNote.title().waitFor({ timeout: 60_000 });
    const aNote = new VisitNotePage(a.page);
    await goOffline(a.context, a.page);
    await goOffline(b.context, b.page);
    await aNote.field('Recommandations').fill('Réparer la piste avant l’hivernage.');
    await bNote.field('Recommandations').fill('Prévoir un second forage.');
    await aNote.waitSaved();
    await bNote.waitSaved();
    await backOnline(a);
    await backOnline(b);

    const m = await phoneOf(mariam);
    const review = new ReviewScreen(m.page);
    await review.open();
    const conflict = review.conflict('Recommandations');
    await conflict.root.waitFor({ timeout: 60_000 });
    expect(await review.conflicts().count()).toBe(1);
    expect(await conflict.root.textContent()).toContain('Note de visite « Sokoura » · Mission partagée');
    expect(await conflict.side('Awa Exemple').textContent()).toContain('Réparer la piste avant l’hivernage.');
    expect(await conflict.side('Ibrahim Exemple').textContent()).toContain('Prévoir un second forage.');
    expect(await conflict.side('Ibrahim Exemple').textContent()).toMatch(/le \d\d\/\d\d\/\d{4} à \d\d:\d\d/);
    if (shots) await m.page.screenshot({ path: `${shots}/review-conflict-360.png`, fullPage: true });
    expect(await horizontalOverflow(m.page)).toBeLessThanOrEqual(0);

    await conflict.keep('Ibrahim Exemple');
    await m.page.getByText('Conflit réglé : le choix sera envoyé à tous les appareils.').waitFor();
    await m.page.getByText('Aucun conflit en attente.').waitFor();
    await m.sync.waitAllSent();

    for (const phone of [a, b]) {
      await phone.sync.syncNow();
      await expect
        .poll(
          async () => {
            await phone.page.goto(noteUrl(missionId, noteId));
            return new VisitNotePage(phone.page).field('Recommandations').inputValue();
          },
          { timeout: 60_000 },
        )
        .toBe('Prévoir un second forage.');
      const panel = new NoteReviewPanel(phone.page);
      await panel.region().waitFor();
      expect(await panel.region().getByRole('article').count()).toBe(0);
    }
    for (const phone of [a, b, m]) await phone.context.close();
  });
});

describe('a member who is not a coordinator', () => {
  it('is not offered validation, and the server refuses it', async () => {
    const a = await phoneOf(awa);
    const missionId = await sharedMission(a, 'Mission sans revue', []);
    const list = new VisitList(a.page);
    await list.open(server.url, missionId);
    await list.newVisit({ type: 'Kéra' });
    const panel = new NoteReviewPanel(a.page);
    await panel.take('Soumettre la note');
    await panel.done().waitFor();
    await a.sync.waitAllSent();
    const noteId = new URL(a.page.url()).pathname.split('/').at(-1) as string;

    expect(await panel.step('Valider la note').count()).toBe(0);
    expect(await panel.step('Demander des modifications').count()).toBe(0);
    expect(await new ReviewScreen(a.page).navLink().count()).toBe(0);
    await a.page.goto(`${server.url}/review`);
    await a.page.getByText('Cet écran est réservé aux coordinateurs.', { exact: false }).waitFor();

    const api = createSyncApi(await apiClientAs(server.url, awa.email, PASSWORD));
    const pulled = await api.pull({ protocolVersion: PROTOCOL_VERSION, cursors: {} });
    const record = pulled.changes.find((c) => c.id === noteId);
    expect(record?.data.state).toBe('soumise');
    const { results } = await api.push({
      protocolVersion: PROTOCOL_VERSION,
      clientId: 'test-client',
      mutations: [
        {
          mutationId: `m-${Date.now()}`,
          table: 'visitNotes',
          recordId: noteId,
          missionId,
          op: 'put',
          changes: { state: 'validee' },
          baseVersion: record?.version ?? 0,
        },
      ],
    });
    expect(results[0]).toMatchObject({ status: 'rejected', code: 'forbidden-transition' });
    await a.context.close();
  });
});
