// Page models of mission preparation: the missions list, the mission form and overview, and the
// mission's tabs, driven by roles and labels as a mission lead would use them.
import type { Locator, Page } from 'playwright-core';

/** The error message tied to a field (through aria-describedby), or an empty locator. */
export async function errorOf(field: Locator): Promise<Locator> {
  const id = await field.getAttribute('aria-describedby');
  return field.page().locator(id ? `[id="${id}"]` : 'nothing-described');
}

/** How far the page scrolls sideways (0 when it fits the phone's width). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

export interface MissionFields {
  title?: string;
  project?: string;
  start?: string;
  end?: string;
  status?: string;
}

export class MissionsList {
  constructor(readonly page: Page) {}

  async newMission() {
    await this.page.getByRole('link', { name: 'Nouvelle mission' }).click();
    await this.page.getByRole('heading', { name: 'Nouvelle mission' }).waitFor();
    return new MissionForm(this.page);
  }

  /** Creates a mission (demonstration project and dates), waits for its page and returns its id. */
  async createMission(title: string): Promise<string> {
    const form = await this.newMission();
    await form.fill({ title, project: 'Projet de démonstration', start: '2024-07-22', end: '2024-07-26' });
    await form.submit();
    await this.page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
    return new URL(this.page.url()).pathname.split('/')[2];
  }

  async createDemo() {
    await this.page.getByRole('button', { name: 'Créer une mission de démonstration' }).click();
    return new MissionPage(this.page);
  }

  missionLink(title: string) {
    return this.page.getByRole('link', { name: title });
  }

  /** By its address: a retried test may have left another mission of the same title on the server. */
  missionLinkTo(missionId: string) {
    return this.page.locator(`a[href="/missions/${missionId}"]`);
  }
}

export class MissionForm {
  constructor(readonly page: Page) {}

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  async fill(fields: MissionFields) {
    if (fields.title !== undefined) await this.field('Titre').fill(fields.title);
    if (fields.project !== undefined) await this.field('Projet').fill(fields.project);
    if (fields.start !== undefined) await this.field('Date de début').fill(fields.start);
    if (fields.end !== undefined) await this.field('Date de fin').fill(fields.end);
    if (fields.status !== undefined) await this.field('Statut').selectOption({ label: fields.status });
  }

  vehicle(n: number) {
    return this.page.getByRole('group', { name: `Véhicule ${n}` });
  }

  async addVehicle(n: number, vehicle: { label: string; driver: string; seats: string }) {
    await this.page.getByRole('button', { name: 'Ajouter un véhicule' }).click();
    const group = this.vehicle(n);
    await group.getByLabel('Véhicule (modèle, structure qui le prête)').fill(vehicle.label);
    await group.getByLabel('Chauffeur').fill(vehicle.driver);
    await group.getByLabel('Places').fill(vehicle.seats);
  }

  async submit(name = 'Créer la mission') {
    await this.page.getByRole('button', { name }).click();
  }
}

export class MissionPage {
  constructor(readonly page: Page) {}

  title() {
    return this.page.getByRole('heading', { level: 1 });
  }

  async openTab(name: 'Aperçu' | 'TdR' | 'Participants' | 'Communes' | 'Actions') {
    await this.page.getByRole('navigation', { name: 'Pages de la mission' }).getByRole('link', { name }).click();
  }

  async edit() {
    await this.page.getByRole('button', { name: 'Modifier la mission' }).click();
    return new MissionForm(this.page);
  }

  logistics() {
    return this.page.getByRole('region', { name: 'Logistique' });
  }

  preparation() {
    return this.page.getByRole('region', { name: 'Préparation' });
  }
}
