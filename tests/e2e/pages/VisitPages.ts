// Page model of the field visits: the mission's "Visites" tab (list, search, new visit) and one
// visit note (text, achievements, GPS, photos), driven by roles and labels as a member would.
import type { Page } from 'playwright-core';
import type { TestFile } from '../support/jpeg';

/** Puts records straight into the app's IndexedDB ('terrain'), as if another screen had made them. */
export async function seedRecords(page: Page, records: Record<string, object[]>): Promise<void> {
  await page.evaluate(async (records) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('terrain');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(Object.keys(records), 'readwrite');
    for (const [table, rows] of Object.entries(records)) for (const row of rows) tx.objectStore(table).put(row);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, records);
}

export class VisitList {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, missionId: string) {
    await this.page.goto(`${baseUrl}/missions/${missionId}/visits`);
    await this.page.getByRole('heading', { name: 'Nouvelle visite' }).waitFor();
  }

  /** Starts a note for a commune of the itinerary, or types a new commune's name. */
  async newVisit(commune: { choose: string } | { type: string }) {
    if ('choose' in commune) await this.page.getByLabel('Commune visitée').selectOption({ label: commune.choose });
    else {
      const picker = this.page.getByLabel('Commune visitée');
      if (await picker.count()) await picker.selectOption({ label: 'Autre commune (saisir son nom)' });
      await this.page.getByLabel('Nom de la commune').fill(commune.type);
    }
    await this.page.getByRole('button', { name: 'Créer la note' }).click();
    return new VisitNotePage(this.page);
  }

  async search(text: string) {
    await this.page.getByLabel('Rechercher dans les notes').fill(text);
  }

  notes() {
    return this.page.getByRole('list', { name: 'Notes de visite' }).getByRole('listitem');
  }

  async openNote(commune: string) {
    await this.notes().getByRole('link', { name: commune }).first().click();
    return new VisitNotePage(this.page);
  }
}

export class VisitNotePage {
  constructor(readonly page: Page) {}

  title() {
    return this.page.getByRole('heading', { level: 2, name: /^Visite à/ });
  }

  saveStatus() {
    return this.page.getByTestId('save-status');
  }

  async waitSaved() {
    await this.page.getByTestId('save-status').getByText('Enregistré', { exact: true }).waitFor();
  }

  /** The notice naming the fields just taken from another device's copy of the open note. */
  refreshedNotice() {
    return this.page.getByRole('status').filter({ hasText: 'Mis à jour depuis un autre appareil' });
  }

  field(label: 'Personnes rencontrées' | 'Observations' | 'Difficultés' | 'Recommandations' | 'Date de la visite') {
    return this.page.getByLabel(label, { exact: true });
  }

  author(name: string) {
    return this.page.getByRole('checkbox', { name });
  }

  achievement(n: number) {
    return this.page.getByRole('group', { name: `Réalisation ${n}`, exact: true });
  }

  async addAchievement(line: { activity: string; planned: string; spent: string; state?: string }) {
    await this.page.getByRole('button', { name: 'Ajouter une réalisation' }).click();
    const n = await this.page.getByRole('group', { name: /^Réalisation \d+$/ }).count();
    const group = this.achievement(n);
    await group.getByLabel('Activité').fill(line.activity);
    await group.getByLabel('Budget prévu (FCFA)').fill(line.planned);
    await group.getByLabel('Dépensé (FCFA)').fill(line.spent);
    if (line.state) await group.getByLabel('État').selectOption({ label: line.state });
    await group.getByLabel('Dépensé (FCFA)').blur();
  }

  budgetTable() {
    return this.page.getByRole('table', { name: 'Récapitulatif budgétaire' });
  }

  totalsRow() {
    return this.budgetTable().getByRole('row', { name: /^Total/ });
  }

  /** The cells of the totals row: planned, spent, rate, (state). */
  totals() {
    return this.totalsRow().getByRole('cell').allTextContents();
  }

  /** The cells of the n-th line of the budget summary (1 = first achievement). */
  summaryLine(n: number) {
    return this.budgetTable().getByRole('row').nth(n).getByRole('cell').allTextContents();
  }

  async recordPosition() {
    await this.page.getByRole('button', { name: /Enregistrer ma position|Remplacer par ma position/ }).click();
  }

  gpsSection() {
    return this.page.getByRole('region', { name: 'Position GPS' });
  }

  photoSection() {
    return this.page.getByRole('region', { name: 'Photos' });
  }

  photoProgress() {
    return this.photoSection().getByRole('status');
  }

  photoErrors() {
    return this.photoSection().getByRole('alert');
  }

  async choosePhotos(files: TestFile[]) {
    await this.page.getByLabel('Choisir dans la galerie').setInputFiles(files);
  }

  photos() {
    return this.photoSection().getByRole('list', { name: 'Photos' }).getByRole('listitem');
  }

  caption(n: number) {
    return this.page.getByLabel(`Légende de la photo ${n}`);
  }

  async submit() {
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.page.getByRole('button', { name: 'Soumettre la note' }).click();
  }

  async backToList() {
    await this.page.getByRole('link', { name: /Toutes les visites/ }).click();
    return new VisitList(this.page);
  }
}
