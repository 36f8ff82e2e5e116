// Page model of the participants tab: the table, one person's form, and the paste/CSV import.
import type { Page } from 'playwright-core';

export interface PersonFields {
  fullName?: string;
  function?: string;
  organisation?: string;
  phone?: string;
  email?: string;
  role?: string;
}

export class ParticipantsPage {
  constructor(readonly page: Page) {}

  table() {
    return this.page.getByRole('table', { name: /participants?$/ });
  }

  rows() {
    return this.table().locator('tbody').getByRole('row');
  }

  async add() {
    await this.page.getByRole('link', { name: 'Ajouter un participant' }).click();
  }

  field(label: 'Noms et prénoms' | 'Fonction' | 'Structure' | 'Téléphone' | 'E-mail' | 'Rôle') {
    return this.page.getByLabel(label, { exact: true });
  }

  async fill(person: PersonFields) {
    if (person.fullName !== undefined) await this.field('Noms et prénoms').fill(person.fullName);
    if (person.function !== undefined) await this.field('Fonction').fill(person.function);
    if (person.organisation !== undefined) await this.field('Structure').fill(person.organisation);
    if (person.phone !== undefined) await this.field('Téléphone').fill(person.phone);
    if (person.email !== undefined) await this.field('E-mail').fill(person.email);
    if (person.role !== undefined) await this.field('Rôle').selectOption({ label: person.role });
  }

  async save() {
    await this.page.getByRole('button', { name: 'Enregistrer' }).click();
  }

  async openPaste() {
    await this.page.getByRole('link', { name: 'Coller un tableau' }).click();
    await this.page.getByRole('heading', { name: 'Coller un tableau de participants' }).waitFor();
  }

  pasteBox() {
    return this.page.getByLabel('Tableau copié');
  }

  /** Pastes as a person does (Ctrl+V): the text arrives through a paste into the text box. */
  async paste(text: string) {
    await this.pasteBox().focus();
    await this.page.keyboard.insertText(text);
  }

  async chooseCsv(name: string, content: string | Buffer) {
    await this.page
      .getByLabel('Ou importer un fichier CSV')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
  }

  preview() {
    return this.page.getByRole('region', { name: 'Aperçu avant import' });
  }

  previewRows() {
    return this.preview().locator('tbody').getByRole('row');
  }

  async importRows() {
    await this.page.getByRole('button', { name: /^Importer( \d+ participants?)?$/ }).click();
  }
}
