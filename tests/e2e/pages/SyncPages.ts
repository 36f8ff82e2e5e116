// Page models of sync as a member sees it: the sync line of the status bar (pending changes,
// "Synchroniser"), the "Synchronisation" card of the settings (refused changes, "Réessayer"), and
// the admin screen (accounts, mission members).
import type { Page } from 'playwright-core';
import { DB_NAME } from '../../../src/shared/constants';
import { followMainNavLink } from './AppShell';

export class SyncStatusBar {
  constructor(readonly page: Page) {}

  /** The sync details, under the header's one status line (shown by tapping that line). */
  line() {
    return this.page.getByTestId('sync-status');
  }

  /** Opens the details of the header's status line, if they are closed. */
  async openDetails() {
    const summary = this.page.locator('button.status-summary');
    await summary.waitFor();
    if ((await summary.getAttribute('aria-expanded')) !== 'true') await summary.click();
  }

  pending() {
    return this.page.getByTestId('sync-pending');
  }

  async syncNow() {
    await this.openDetails();
    await this.line().getByRole('button', { name: 'Synchroniser' }).click();
  }

  /**
   * Waits until nothing is left to send (changes and photos) and no sync is running. The status line
   * alone is not enough: right after a local write it may still show the previous "Tout est
   * synchronisé" for a render, so the device's own database must also hold nothing unsent.
   */
  async waitAllSent(timeout = 60_000) {
    const deadline = Date.now() + timeout;
    for (;;) {
      // The line is a link to log in, not a summary to open, while the session is refused.
      await this.openDetails();
      await this.pending()
        .getByText('Tout est synchronisé', { exact: true })
        .waitFor({ timeout: Math.max(1, deadline - Date.now()) });
      if ((await this.unsentInDatabase()) === 0) return;
      if (Date.now() > deadline) throw new Error('waitAllSent: changes or photos are still waiting to be sent');
      await this.page.waitForTimeout(200);
    }
  }

  /** Changes in the outbox not refused by the server, plus photo bytes not yet uploaded. */
  unsentInDatabase(): Promise<number> {
    return this.page.evaluate(
      (name) =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const idb = open.result;
            const tx = idb.transaction(['outbox', 'photoBlobs'], 'readonly');
            const entries = tx.objectStore('outbox').getAll();
            const photos = tx.objectStore('photoBlobs').index('uploaded').count(0);
            tx.oncomplete = () => {
              idb.close();
              resolve(entries.result.filter((entry) => !entry.rejected).length + photos.result);
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      DB_NAME,
    );
  }
}

export class SyncSettingsCard {
  constructor(readonly page: Page) {}

  async open() {
    await followMainNavLink(this.page, 'Paramètres');
    await this.card().waitFor();
  }

  card() {
    return this.page.getByRole('region', { name: 'Synchronisation' });
  }

  rejected() {
    return this.card().getByRole('list', { name: 'Modifications refusées par le serveur' }).getByRole('listitem');
  }

  pending() {
    return this.card().getByRole('list', { name: 'Modifications à envoyer' }).getByRole('listitem');
  }

  async retry(n = 0) {
    await this.rejected().nth(n).getByRole('button', { name: 'Réessayer' }).click();
  }

  photosOnCheapNetworkOnly() {
    return this.card().getByRole('checkbox', { name: /seulement en Wi-Fi/ });
  }
}

/** /admin: accounts (table and creation form) and the members of each mission. */
export class AdminPage {
  constructor(readonly page: Page) {}

  async open() {
    await followMainNavLink(this.page, 'Administration');
    await this.page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await this.page.getByRole('heading', { name: 'Comptes' }).waitFor();
  }

  form() {
    return this.page.getByRole('form', { name: 'Créer un compte' });
  }

  field(label: 'Nom complet' | 'Adresse e-mail' | 'Rôle' | 'Mot de passe provisoire') {
    return this.form().getByLabel(label, { exact: true });
  }

  /** The error shown in the same field block as the input with this label. */
  errorOf(label: 'Nom complet' | 'Adresse e-mail' | 'Mot de passe provisoire') {
    return this.form()
      .locator('.field')
      .filter({ has: this.page.getByLabel(label, { exact: true }) })
      .getByRole('alert');
  }

  async createAccount(account: { name: string; email: string; password: string; role?: string }) {
    await this.field('Nom complet').fill(account.name);
    await this.field('Adresse e-mail').fill(account.email);
    if (account.role) await this.field('Rôle').selectOption({ label: account.role });
    await this.field('Mot de passe provisoire').fill(account.password);
    await this.form().getByRole('button', { name: 'Créer le compte' }).click();
  }

  users() {
    return this.page.getByRole('region', { name: 'Comptes' }).getByRole('table');
  }

  mission(title: string) {
    return this.page.getByRole('listitem', { name: title });
  }

  async addMember(missionTitle: string, person: string) {
    const mission = this.mission(missionTitle);
    await mission.getByLabel('Personne à ajouter').selectOption({ label: person });
    await mission.getByRole('button', { name: 'Ajouter', exact: true }).click();
  }
}
