// Page models of the coordinator review: the /review screen (queue, filters, conflicts, photo
// viewer) and the review panel of a visit note (request, actions, history, conflicts), by roles
// and labels as a coordinator or a member would use them.
import type { Locator, Page } from 'playwright-core';

export type ReviewStep = 'Soumettre la note' | 'Demander des modifications' | 'Valider la note' | 'Rouvrir la note';

/** A conflict shown side by side: one region per value, named after who wrote it. */
export class ConflictView {
  constructor(readonly root: Locator) {}

  side(author: string) {
    return this.root.getByRole('region', { name: `Valeur écrite par ${author}` });
  }

  async keep(author: string) {
    await this.side(author).getByRole('button', { name: 'Garder cette valeur' }).click();
  }

  async merge(text: string) {
    await this.root.getByRole('button', { name: 'Fusionner à la main' }).click();
    await this.root.getByLabel('Texte fusionné').fill(text);
    await this.root.getByRole('button', { name: 'Enregistrer le texte fusionné' }).click();
  }
}

export class ReviewScreen {
  constructor(readonly page: Page) {}

  navLink() {
    return this.page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: /^Revue/ });
  }

  /** The number of submitted notes next to "Revue" in the main menu. */
  badge() {
    return this.page.getByTestId('review-badge');
  }

  async open() {
    await this.navLink().click();
    await this.page.getByRole('heading', { level: 1, name: 'Revue des notes' }).waitFor();
  }

  notes() {
    return this.page.getByRole('list', { name: 'Notes des missions' }).getByRole('listitem');
  }

  note(commune: string) {
    return this.notes().filter({ has: this.page.getByRole('link', { name: commune, exact: true }) });
  }

  async openNote(commune: string) {
    await this.note(commune).getByRole('link', { name: commune, exact: true }).click();
    const panel = new NoteReviewPanel(this.page);
    await panel.region().waitFor();
    return panel;
  }

  async filter(label: 'Mission' | 'Commune' | 'Rédacteur' | 'État', option: string) {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  async search(text: string) {
    await this.page.getByLabel('Rechercher', { exact: true }).fill(text);
  }

  conflicts() {
    return this.page.getByRole('list', { name: 'Conflits en attente' }).getByRole('listitem');
  }

  conflict(field: string) {
    return new ConflictView(this.page.getByRole('article', { name: `${field} : deux versions` }));
  }

  /** Opens a photo of a note full size; answers the dialog. */
  async openPhoto(commune: string, n: number) {
    await this.note(commune)
      .getByRole('button', { name: `Agrandir la photo ${n}` })
      .click();
    return this.page.getByRole('dialog', { name: new RegExp(`^Photo ${n} : ${commune}`) });
  }
}

export class NoteReviewPanel {
  constructor(readonly page: Page) {}

  region() {
    return this.page.getByRole('region', { name: 'Revue', exact: true });
  }

  /** What the coordinator asked, shown at the top of the note while it is "à revoir". */
  request() {
    return this.page.getByRole('note', { name: 'Modifications demandées' });
  }

  step(name: ReviewStep) {
    return this.region().getByRole('button', { name, exact: true });
  }

  comment() {
    return this.region().getByLabel('Commentaire', { exact: true });
  }

  async take(name: ReviewStep, comment?: string) {
    if (comment !== undefined) await this.comment().fill(comment);
    await this.step(name).click();
  }

  done() {
    return this.region().getByRole('status');
  }

  errors() {
    return this.region().getByRole('alert');
  }

  history() {
    return this.region().getByRole('list', { name: 'Historique de la note' }).getByRole('listitem');
  }

  conflict(field: string) {
    return new ConflictView(this.region().getByRole('article', { name: `${field} : deux versions` }));
  }
}
