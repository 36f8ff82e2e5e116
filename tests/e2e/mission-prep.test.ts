import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionPointsPage, CommunesPage } from './pages/ItineraryPages';
import { errorOf, horizontalOverflow, MissionPage, MissionsList } from './pages/MissionPages';
import { ParticipantsPage } from './pages/ParticipantsPage';
import { TdrPage } from './pages/TdrPage';
import { goOffline, launchBrowser, newPhoneContext } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const sevenRowTable = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/participants-word.txt'), 'utf8');

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

/** A fresh phone, the app loaded once, then the network cut: everything below happens offline. */
async function offlinePhone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newPhoneContext(browser);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Missions' }).waitFor();
  await goOffline(context, page);
  // The "works offline now" notice covers the bottom of the screen: close it as a person would.
  await page.addLocatorHandler(page.getByText('Terrain fonctionne désormais sans réseau.'), async () => {
    await page.getByRole('button', { name: 'Fermer' }).click();
  });
  return { context, page };
}

async function createMission(page: Page, title: string): Promise<MissionPage> {
  const form = await new MissionsList(page).newMission();
  await form.fill({ title, project: 'Projet de démonstration', start: '2024-07-22', end: '2024-07-26' });
  await form.submit();
  const mission = new MissionPage(page);
  await expect.poll(() => mission.title().textContent()).toBe(title);
  return mission;
}

describe('preparing a mission offline', () => {
  it('creates a mission, revises its TdR, pastes participants, lists communes and action points, and keeps them after an offline reload', async () => {
    const { context, page } = await offlinePhone();
    const form = await new MissionsList(page).newMission();
    await form.fill({ title: 'Visite de terrain du comité', project: 'Projet de démonstration' });
    await form.fill({ start: '2024-07-22', end: '2024-07-26', status: 'En préparation' });
    await form.addVehicle(1, { label: '4x4 du ministère', driver: 'Chauffeur Exemple', seats: '4' });
    await form.submit();
    const mission = new MissionPage(page);
    await expect.poll(() => mission.title().textContent()).toBe('Visite de terrain du comité');
    await expect.poll(() => mission.logistics().textContent()).toContain('Chauffeur : Chauffeur Exemple');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await mission.openTab('TdR');
    const tdr = new TdrPage(page);
    await tdr.writeRevision(
      { Contexte: 'Visite reportée deux fois.', Objectifs: 'Voir les réalisations dans trois communes.' },
      'Awa Exemple',
    );
    await tdr.writeRevision({ Objectifs: 'Voir les réalisations dans quatre communes.' }, 'Yaya Exemple');
    await tdr.writeRevision({ Budget: 'Carburant et per diem : 2 450 000 FCFA.' }, 'Awa Exemple');
    expect(await tdr.revisions().allTextContents()).toEqual([
      expect.stringMatching(/^Révision 3 — Awa Exemple, \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/),
      expect.stringMatching(/^Révision 2 — Yaya Exemple, /),
      expect.stringMatching(/^Révision 1 — Awa Exemple, /),
    ]);
    await tdr.compare();
    await tdr.compareFrom(1);
    expect(await tdr.diff('Objectifs').removed.allTextContents()).toEqual(['trois']);
    expect(await tdr.diff('Objectifs').added.allTextContents()).toEqual(['quatre']);
    expect(await tdr.diff('Budget').added.textContent()).toContain('2 450 000 FCFA');
    expect(await tdr.diff('Contexte').region.textContent()).toContain('Inchangé');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    await mission.openTab('Participants');
    const participants = new ParticipantsPage(page);
    await participants.openPaste();
    await participants.paste(sevenRowTable);
    await expect.poll(() => participants.preview().textContent()).toContain('7 lignes prêtes à importer');
    expect(await participants.previewRows().count()).toBe(7);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await participants.importRows();
    await expect.poll(() => participants.rows().count()).toBe(7);
    expect(await participants.rows().nth(0).textContent()).toContain('+223 70 00 00 01');
    expect(await participants.rows().nth(4).textContent()).toContain('Mme DEMBELE AMINATA SANOGO');

    await mission.openTab('Communes');
    const communes = new CommunesPage(page);
    await communes.add({ name: 'Douentza', region: 'Mopti', cercle: 'Douentza', date: '2024-07-24' });
    await communes.add({
      name: 'Mopti',
      region: 'Mopti',
      cercle: 'Mopti',
      date: '2024-07-22',
      lat: '14,4843',
      lon: '-4,1827',
    });
    await communes.add({ name: 'Bandiagara', region: 'Mopti', cercle: 'Bandiagara', date: '2024-07-23' });
    expect(await communes.names().allTextContents()).toEqual(['Mopti', 'Bandiagara', 'Douentza']);

    await mission.openTab('Actions');
    const actions = new ActionPointsPage(page);
    await actions.add({ point: 'Réserver les véhicules', responsible: 'Chauffeur Exemple', due: '2024-07-15' });
    await actions.add({ point: 'Créer le groupe de discussion', status: 'Fait' });
    await actions.statusOf(1).selectOption({ label: 'En cours' });
    await actions.openAllMissions();
    await page.getByRole('link', { name: 'Réserver les véhicules' }).waitFor();
    expect(await page.getByRole('link', { name: 'Créer le groupe de discussion' }).count()).toBe(0);

    await page.reload();
    await page.getByRole('link', { name: 'Réserver les véhicules' }).waitFor();
    expect(await actions.statusOf(1).inputValue()).toBe('en_cours');
    await page.goto(server.url);
    await new MissionsList(page).missionLink('Visite de terrain du comité').click();
    await expect.poll(() => mission.preparation().textContent()).toContain('TdR : révision 3');
    expect(await mission.preparation().textContent()).toContain('Participants : 7');
    await mission.openTab('TdR');
    expect(await tdr.sectionText('Objectifs').textContent()).toContain('quatre communes');
    await mission.openTab('Participants');
    await expect.poll(() => participants.rows().count()).toBe(7);
    await mission.openTab('Communes');
    await expect.poll(() => communes.names().allTextContents()).toEqual(['Mopti', 'Bandiagara', 'Douentza']);
    await context.close();
  });

  it('imports a CSV file from a French Excel, then edits, moves and removes one participant', async () => {
    const { context, page } = await offlinePhone();
    const mission = await createMission(page, 'Mission avec import CSV');
    await mission.openTab('Participants');
    const participants = new ParticipantsPage(page);
    await participants.openPaste();
    await participants.chooseCsv(
      'participants.csv',
      fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/participants-excel-fr.csv.txt')),
    );
    await expect.poll(() => participants.preview().textContent()).toContain('1 ligne prête à importer');
    expect(await participants.previewRows().nth(1).textContent()).toContain('E-mail mal formé');
    expect(await participants.previewRows().nth(2).textContent()).toContain('Nom manquant');
    await participants.importRows();
    await page.getByText('1 participant importé.').waitFor();
    await mission.openTab('Participants');
    await participants.add();
    await participants.fill({ fullName: 'Awa Exemple', phone: '+33 6 12 34 56 78', role: 'Rapporteur' });
    await participants.save();
    await expect.poll(() => participants.rows().count()).toBe(2);
    expect(await participants.rows().nth(1).textContent()).toContain('+33 6 12 34 56 78');

    await participants.rows().nth(1).getByRole('link', { name: 'Awa Exemple' }).click();
    await page.getByLabel('N° dans la liste').selectOption('1');
    await participants.fill({ role: 'Chef de mission' });
    await participants.save();
    await expect.poll(() => participants.rows().nth(0).textContent()).toContain('Awa Exemple');
    expect(await participants.rows().nth(0).textContent()).toContain('Chef de mission');

    await participants.rows().nth(1).getByRole('link', { name: 'ADAMA TRAORE' }).click();
    await page.getByRole('button', { name: 'Supprimer ce participant' }).click();
    await page.getByRole('button', { name: 'Confirmer la suppression' }).click();
    await expect.poll(() => participants.rows().count()).toBe(1);
    await context.close();
  });

  it('creates the demo mission in one click in an empty app, with fictional people', async () => {
    const { context, page } = await offlinePhone();
    const mission = await new MissionsList(page).createDemo();
    await expect.poll(() => mission.title().textContent()).toBe('Visite de terrain du comité technique');
    await expect.poll(() => mission.preparation().textContent()).toContain('Participants : 7');
    expect(await mission.preparation().textContent()).toContain('Communes : 3');
    expect(await mission.logistics().getByRole('listitem').count()).toBe(2);
    await mission.openTab('Participants');
    const participants = new ParticipantsPage(page);
    await expect.poll(() => participants.rows().count()).toBe(7);
    expect(await participants.table().textContent()).toContain('+223 70 00 00 07');
    expect(await participants.table().textContent()).toContain('@example.org');
    await context.close();
  });
});

describe('forms refuse bad input next to the field and keep what was typed', () => {
  it('the mission form', async () => {
    const { context, page } = await offlinePhone();
    const form = await new MissionsList(page).newMission();
    await form.fill({ title: '', project: 'Projet gardé', start: '2024-07-26', end: '2024-07-22' });
    await form.addVehicle(1, { label: '4x4', driver: 'Chauffeur Exemple', seats: 'quatre' });
    await form.submit();
    expect(await (await errorOf(form.field('Titre'))).textContent()).toBe('Ce champ est obligatoire.');
    expect(await (await errorOf(form.field('Date de fin'))).textContent()).toBe(
      'La date de fin doit être le jour du début ou après.',
    );
    expect(await (await errorOf(form.vehicle(1).getByLabel('Places'))).textContent()).toContain('nombre de places');
    expect(await form.field('Titre').getAttribute('aria-invalid')).toBe('true');
    expect(await form.field('Projet').inputValue()).toBe('Projet gardé');
    expect(await form.field('Date de fin').inputValue()).toBe('2024-07-22');
    expect(await form.vehicle(1).getByLabel('Places').inputValue()).toBe('quatre');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await form.fill({ title: 'Mission corrigée', end: '2024-07-28' });
    await form.vehicle(1).getByLabel('Places').fill('4');
    await form.submit();
    await expect.poll(() => new MissionPage(page).title().textContent()).toBe('Mission corrigée');

    const mission = new MissionPage(page);
    const edit = await mission.edit();
    await edit.fill({ end: '2024-07-01' });
    await edit.submit('Enregistrer');
    expect(await (await errorOf(edit.field('Date de fin'))).textContent()).toContain('date de fin');
    await context.close();
  });

  it('the TdR, participant, commune and action point forms, and the paste preview', async () => {
    const { context, page } = await offlinePhone();
    const mission = await createMission(page, 'Mission à contrôler');

    await mission.openTab('TdR');
    const tdr = new TdrPage(page);
    await tdr.startRevision();
    await tdr.section('Contexte').fill('Texte gardé');
    await tdr.save();
    expect(await (await errorOf(tdr.author())).textContent()).toBe('Ce champ est obligatoire.');
    expect(await tdr.section('Contexte').inputValue()).toBe('Texte gardé');
    await tdr.author().fill('Awa Exemple');
    await tdr.save();
    await tdr.startRevision();
    await tdr.author().fill('Awa Exemple');
    await tdr.save();
    await page.getByText('Rien n’a changé depuis la dernière révision').waitFor();

    await mission.openTab('Participants');
    const participants = new ParticipantsPage(page);
    await participants.add();
    await participants.fill({ fullName: 'Awa Exemple', phone: '76 23 65', email: 'awa@example' });
    await participants.save();
    expect(await (await errorOf(participants.field('Téléphone'))).textContent()).toContain('Numéro invalide');
    expect(await (await errorOf(participants.field('E-mail'))).textContent()).toContain('Adresse e-mail invalide');
    expect(await participants.field('Téléphone').inputValue()).toBe('76 23 65');
    await participants.fill({ phone: '76 23 65 80', email: 'awa@example.org' });
    await participants.save();
    await expect.poll(() => participants.rows().first().textContent()).toContain('+223 76 23 65 80');

    await participants.openPaste();
    await participants.paste(
      '1\tAWA EXEMPLE\tMembre\tPNUD\t70 00 00 01\tawa@example.org\n2\tYAYA EXEMPLE\tMembre\tPNUD\t70 00 00 02\tyaya@example\n3\tSALI EXEMPLE\tMembre\tPNUD\t70 00 00 03\tsali@example.org',
    );
    await expect.poll(() => participants.preview().textContent()).toContain('1 ligne prête à importer');
    expect(await participants.previewRows().nth(0).textContent()).toContain('Déjà dans la liste');
    expect(await participants.previewRows().nth(1).textContent()).toContain('E-mail mal formé');
    await participants.importRows();
    await page.getByText('1 participant importé.').waitFor();
    expect(await participants.pasteBox().inputValue()).toBe(
      '1\tAWA EXEMPLE\tMembre\tPNUD\t70 00 00 01\tawa@example.org\n2\tYAYA EXEMPLE\tMembre\tPNUD\t70 00 00 02\tyaya@example',
    );
    await participants.importRows();
    expect(await (await errorOf(participants.pasteBox())).textContent()).toContain(
      'Aucune ligne ne peut être importée',
    );

    await mission.openTab('Communes');
    const communes = new CommunesPage(page);
    await page.getByRole('link', { name: 'Ajouter une commune' }).click();
    await communes.fill({ name: 'Commune A', region: 'Ségou', cercle: 'San', date: '2024-08-01', lat: '13,3' });
    await communes.save();
    expect(await (await errorOf(communes.field('Date de visite prévue'))).textContent()).toContain(
      'entre le début et la fin de la mission',
    );
    expect(await (await errorOf(communes.field('Longitude'))).textContent()).toContain('latitude et la longitude');
    expect(await communes.field('Cercle').inputValue()).toBe('San');

    await mission.openTab('Actions');
    const actions = new ActionPointsPage(page);
    await page.getByRole('link', { name: 'Ajouter un point d’action' }).click();
    await actions.fill({ point: '', action: 'Action gardée' });
    await actions.save();
    expect(await (await errorOf(actions.field('Point'))).textContent()).toBe('Ce champ est obligatoire.');
    expect(await actions.field('Action').inputValue()).toBe('Action gardée');
    await context.close();
  });
});
