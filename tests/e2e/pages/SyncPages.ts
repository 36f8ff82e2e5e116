// Page models of sync as a member sees it: the sync line of the status bar (pending changes,
// "Synchroniser") and the "Synchronisation" card of the settings (refused changes, "Réessayer").
import type { Page } from 'playwright-core';

export class SyncStatusBar {
  constructor(readonly page: Page) {}

  line() {
    return this.page.getByTestId('sync-status');
  }

  pending() {
    return this.page.getByTestId('sync-pending');
  }

  async syncNow() {
    await this.line().getByRole('button', { name: 'Synchroniser' }).click();
  }

  /** Waits until nothing is left to send (changes and photos) and no sync is running. */
  async waitAllSent(timeout = 60_000) {
    await this.pending().getByText('Tout est synchronisé', { exact: true }).waitFor({ timeout });
  }
}

export class SyncSettingsCard {
  constructor(readonly page: Page) {}

  async open() {
    await this.page
      .getByRole('navigation', { name: 'Menu principal' })
      .getByRole('link', { name: 'Paramètres' })
      .click();
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
