// Page model of the shell: navigation, status bar and language, driven by roles and labels.
import type { Page } from 'playwright-core';

export class AppShell {
  constructor(readonly page: Page) {}

  networkState() {
    return this.page.getByTestId('network-state');
  }

  mainNav() {
    return this.page.getByRole('navigation', { name: /Menu principal|Main menu/ });
  }

  async openSettings() {
    await this.mainNav()
      .getByRole('link', { name: /Paramètres|Settings/ })
      .click();
  }

  async openMissions() {
    await this.mainNav()
      .getByRole('link', { name: /Missions/ })
      .click();
  }

  async chooseLanguage(label: 'Français' | 'English') {
    await this.page.getByLabel(/Langue|Language/).selectOption({ label });
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }
}
