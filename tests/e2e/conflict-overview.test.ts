// A conflict on any record (here a participant, and the achievement lines of a visit note) is shown
// on its mission's overview, to members too, who settle it there; the chosen value reaches the
// server. Two lists of lines can be merged, so neither person's new line is lost.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/shared/constants';
import type { Mutation, User } from '../../src/shared/protocol';
import type { AdminApi } from '../../src/sync/adminApi';
import { createSyncApi } from '../../src/sync/api';
import { aCommune, aMission, aParticipant, aVisitNote } from '../fixtures/builders';
import { createMutation, updateMutation } from '../fixtures/mutations';
import { LoginPage } from './pages/LoginPage';
import { MissionsList } from './pages/MissionPages';
import { ConflictView } from './pages/ReviewPages';
import { SyncStatusBar } from './pages/SyncPages';
import { ADMIN_ENV, adminApiOf, apiClientAs, createAccount, PASSWORD } from './support/accounts';
import { launchBrowser, newPhoneContext } from './support/browser';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let admin: AdminApi;
let awa: User;
let ibrahim: User;

beforeAll(async () => {
  server = await startServer({ env: ADMIN_ENV });
  browser = await launchBrowser();
  admin = await adminApiOf(server.url);
  awa = await createAccount(admin, 'Awa Exemple');
  ibrahim = await createAccount(admin, 'Ibrahim Exemple');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Awa logs in on a phone, which receives her missions, and opens the mission's overview. */
async function awaOpensMission(missionId: string) {
  const context = await newPhoneContext(browser);
  const page = await context.newPage();
  const loginPage = new LoginPage(page);
  await loginPage.open(server.url);
  await loginPage.logInAndWait(awa.email, PASSWORD);
  await new MissionsList(page).missionLinkTo(missionId).click();
  return { context, page };
}

describe('a conflict on a participant', () => {
  it('is settled by a member on the mission overview, and the server keeps the chosen value', async () => {
    // Two devices changed the same participant's function while offline (sent here through the API).
    const awaApi = createSyncApi(await apiClientAs(server.url, awa.email, PASSWORD));
    const ibrahimApi = createSyncApi(await apiClientAs(server.url, ibrahim.email, PASSWORD));
    const mission = aMission({ title: 'Mission des deux appareils' });
    const participant = aParticipant(mission.id, { fullName: 'Salif Exemple', function: 'Chargé de suivi' });
    const push = (api: typeof awaApi, clientId: string, mutations: Mutation[]) =>
      api.push({ protocolVersion: PROTOCOL_VERSION, clientId, mutations });
    await push(awaApi, 'awa-tablet', [
      createMutation('missions', mission),
      createMutation('participants', participant),
    ]);
    await admin.addMember(mission.id, ibrahim.id);
    await push(awaApi, 'awa-tablet', [updateMutation('participants', participant, { function: 'Chef de service' }, 1)]);
    const answer = await push(ibrahimApi, 'ibrahim-phone', [
      updateMutation('participants', participant, { function: 'Chargé d’évaluation' }, 1),
    ]);
    expect(answer.results[0]).toMatchObject({ status: 'applied', conflicts: [{ field: 'function' }] });

    // Awa's phone receives the mission and the conflict, and she settles it on the overview.
    const { context, page } = await awaOpensMission(mission.id);
    const conflicts = page.getByRole('list', { name: 'Conflits en attente' });
    const conflict = new ConflictView(conflicts.getByRole('listitem').first());
    await conflict.side('Ibrahim Exemple').getByText('Chargé d’évaluation').waitFor();
    await conflict.side('Awa Exemple').getByText('Chef de service').waitFor();
    await conflict.keep('Ibrahim Exemple');
    await conflicts.waitFor({ state: 'detached' });
    await new SyncStatusBar(page).waitAllSent();

    const pulled = await ibrahimApi.pull({ protocolVersion: PROTOCOL_VERSION, cursors: {} });
    const latest = (table: string) =>
      pulled.changes.filter((c) => c.table === table).sort((a, b) => b.version - a.version)[0]?.data;
    expect(latest('participants')?.function).toBe('Chargé d’évaluation');
    expect(latest('conflicts')?.resolvedAt).toBeTruthy();
    await context.close();
  });
});

describe('a conflict on the achievement lines of a note', () => {
  it('shows the lines readably, and keeps the lines of both when asked', async () => {
    const awaApi = createSyncApi(await apiClientAs(server.url, awa.email, PASSWORD));
    const ibrahimApi = createSyncApi(await apiClientAs(server.url, ibrahim.email, PASSWORD));
    const mission = aMission({ title: 'Mission des réalisations' });
    const commune = aCommune(mission.id, { name: 'Kéra' });
    const line = (activity: string, plannedFcfa: number) => ({
      id: `${mission.id}-${activity.length}`,
      activity,
      plannedFcfa,
      spentFcfa: null,
      state: 'en_cours' as const,
    });
    const forage = line('Forage', 1_250_000);
    const note = aVisitNote(mission.id, commune.id, { achievements: [forage] });
    const push = (api: typeof awaApi, clientId: string, mutations: Mutation[]) =>
      api.push({ protocolVersion: PROTOCOL_VERSION, clientId, mutations });
    await push(awaApi, 'awa-tablet', [
      createMutation('missions', mission),
      createMutation('communes', commune),
      createMutation('visitNotes', note),
    ]);
    await admin.addMember(mission.id, ibrahim.id);
    // Each added a line offline.
    await push(awaApi, 'awa-tablet', [
      updateMutation('visitNotes', note, { achievements: [forage, line('Formation des comités', 300_000)] }, 1),
    ]);
    const answer = await push(ibrahimApi, 'ibrahim-phone', [
      updateMutation('visitNotes', note, { achievements: [forage, line('Clôture du périmètre', 450_000)] }, 1),
    ]);
    expect(answer.results[0]).toMatchObject({ status: 'applied', conflicts: [{ field: 'achievements' }] });

    const { context, page } = await awaOpensMission(mission.id);
    const conflict = new ConflictView(
      page.getByRole('list', { name: 'Conflits en attente' }).getByRole('listitem').first(),
    );
    const ibrahimSide = conflict.side('Ibrahim Exemple');
    await ibrahimSide.getByText('Clôture du périmètre').waitFor();
    expect(await ibrahimSide.getByText('prévu 450\u00a0000\u00a0FCFA · dépensé — · En cours').count()).toBe(1);
    expect(await conflict.root.textContent()).not.toContain('"activity"');
    await conflict.root.getByRole('button', { name: 'Garder les éléments des deux' }).click();
    await conflict.root.waitFor({ state: 'detached' });
    await new SyncStatusBar(page).waitAllSent();

    const pulled = await ibrahimApi.pull({ protocolVersion: PROTOCOL_VERSION, cursors: {} });
    const stored = pulled.changes.find((c) => c.table === 'visitNotes' && c.id === note.id);
    const activities = ((stored?.data.achievements ?? []) as { activity: string }[]).map((a) => a.activity);
    expect(activities).toEqual(['Forage', 'Formation des comités', 'Clôture du périmètre']);
    await context.close();
  });
});
