// Page models of the communes on the itinerary and of action points (a mission's and all missions').
import type { Page } from 'playwright-core';
import { followMainNavLink } from './AppShell';

export interface CommuneFields {
  name: string;
  region?: string;
  cercle?: string;
  date?: string;
  lat?: string;
  lon?: string;
}

export class CommunesPage {
  constructor(readonly page: Page) {}

  field(label: 'Commune' | 'Région' | 'Cercle' | 'Date de visite prévue' | 'Latitude' | 'Longitude') {
    return this.page.getByLabel(label, { exact: true });
  }

  async fill(commune: Partial<CommuneFields>) {
    if (commune.name !== undefined) await this.field('Commune').fill(commune.name);
    if (commune.region !== undefined) await this.field('Région').selectOption(commune.region);
    if (commune.cercle !== undefined) await this.field('Cercle').selectOption(commune.cercle);
    if (commune.date !== undefined) await this.field('Date de visite prévue').fill(commune.date);
    if (commune.lat !== undefined) await this.field('Latitude').fill(commune.lat);
    if (commune.lon !== undefined) await this.field('Longitude').fill(commune.lon);
  }

  async add(commune: CommuneFields) {
    await this.page.getByRole('link', { name: 'Ajouter une commune' }).click();
    await this.fill(commune);
    await this.save();
    await this.itinerary().waitFor();
  }

  async save() {
    await this.page.getByRole('button', { name: 'Enregistrer' }).click();
  }

  itinerary() {
    return this.page.getByRole('list', { name: 'Itinéraire' });
  }

  names() {
    return this.itinerary().getByRole('listitem').getByRole('link');
  }
}

export interface ActionPointFields {
  point: string;
  action?: string;
  responsible?: string;
  due?: string;
  status?: 'Ouvert' | 'En cours' | 'Fait';
}

export class ActionPointsPage {
  constructor(readonly page: Page) {}

  field(label: 'Point' | 'Action' | 'Responsable' | 'Commentaires' | 'Échéance' | 'Statut') {
    return this.page.getByLabel(label, { exact: true });
  }

  async fill(point: Partial<ActionPointFields>) {
    if (point.point !== undefined) await this.field('Point').fill(point.point);
    if (point.action !== undefined) await this.field('Action').fill(point.action);
    if (point.responsible !== undefined) await this.field('Responsable').fill(point.responsible);
    if (point.due !== undefined) await this.field('Échéance').fill(point.due);
    if (point.status !== undefined) await this.field('Statut').selectOption({ label: point.status });
  }

  async add(point: ActionPointFields) {
    await this.page.getByRole('link', { name: 'Ajouter un point d’action' }).click();
    await this.fill(point);
    await this.save();
    await this.page.getByRole('link', { name: point.point }).waitFor();
  }

  async save() {
    await this.page.getByRole('button', { name: 'Enregistrer' }).click();
  }

  cards() {
    return this.page.getByRole('listitem');
  }

  statusOf(number: number) {
    return this.page.getByLabel(`Statut du point ${number}`);
  }

  async openAllMissions() {
    await followMainNavLink(this.page, 'Points d’action');
    await this.page.getByRole('heading', { name: 'Points d’action ouverts' }).waitFor();
  }
}
