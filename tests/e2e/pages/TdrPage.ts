// Page model of the terms of reference tab: write, revise, list and compare revisions.
import type { Page } from 'playwright-core';

export type SectionLabel =
  | 'Contexte'
  | 'Objectifs'
  | 'Résultats attendus'
  | 'Méthodologie'
  | 'Itinéraire et calendrier'
  | 'Équipe'
  | 'Logistique'
  | 'Budget';

export class TdrPage {
  constructor(readonly page: Page) {}

  /** Opens the form of the next revision (first one included). */
  async startRevision() {
    await this.page.getByRole('link', { name: /Rédiger les TdR|Réviser les TdR/ }).click();
    await this.page.getByRole('button', { name: 'Enregistrer la révision' }).waitFor();
  }

  section(label: SectionLabel) {
    return this.page.getByLabel(label, { exact: true });
  }

  author() {
    return this.page.getByLabel('Votre nom');
  }

  async writeRevision(sections: Partial<Record<SectionLabel, string>>, author: string) {
    await this.startRevision();
    for (const [label, text] of Object.entries(sections)) await this.section(label as SectionLabel).fill(text);
    await this.author().fill(author);
    await this.save();
    await this.page.getByRole('heading', { name: 'Révisions' }).waitFor();
  }

  async save() {
    await this.page.getByRole('button', { name: 'Enregistrer la révision' }).click();
  }

  revisions() {
    return this.page.getByRole('region', { name: 'Révisions' }).getByRole('listitem');
  }

  sectionText(label: SectionLabel) {
    return this.page.getByRole('region', { name: label });
  }

  async compare() {
    await this.page.getByRole('link', { name: 'Comparer deux révisions' }).click();
    await this.page.getByRole('heading', { name: 'Comparer deux révisions' }).waitFor();
  }

  async compareFrom(revision: number) {
    const picker = this.page.getByLabel('Révision de départ');
    const option = picker.getByRole('option', { name: new RegExp(`^Révision ${revision} —`) });
    await picker.selectOption((await option.getAttribute('value')) ?? '');
  }

  /** The words added and removed in a section of the diff. */
  diff(label: SectionLabel) {
    const region = this.page.getByRole('region', { name: label });
    return { region, added: region.getByRole('insertion'), removed: region.getByRole('deletion') };
  }
}
