// Page model of the shell: navigation, status bar and language, driven by roles and labels.
import type { Page } from 'playwright-core';

/**
 * Follows a link of the main menu. On a phone the menu is a bottom bar (Missions, Visites, Revue,
 * Plus) and the other links (Points d’action, Paramètres, Compte, Administration) are in the sheet
 * "Plus" opens: it is opened first when the link is not on the bar.
 */
export async function followMainNavLink(page: Page, name: string | RegExp): Promise<void> {
  const link = await mainNavLink(page, name);
  await link.click();
}

/** A link of the main menu, made visible (the "Plus" sheet opened if it is there). */
export async function mainNavLink(page: Page, name: string | RegExp) {
  const nav = page.getByRole('navigation', { name: /Menu principal|Main menu/ });
  await nav.waitFor();
  const link = nav.getByRole('link', { name });
  const more = nav.getByRole('button', { name: /^(Plus|More)$/ });
  if (!(await link.isVisible()) && (await more.isVisible()) && (await more.getAttribute('aria-expanded')) !== 'true') {
    await more.click();
  }
  return link;
}

export class AppShell {
  constructor(readonly page: Page) {}

  networkState() {
    return this.page.getByTestId('network-state');
  }

  mainNav() {
    return this.page.getByRole('navigation', { name: /Menu principal|Main menu/ });
  }

  async openSettings() {
    await followMainNavLink(this.page, /Paramètres|Settings/);
  }

  async openMissions() {
    await followMainNavLink(this.page, /Missions/);
  }

  async chooseLanguage(label: 'Français' | 'English') {
    await this.page.getByLabel(/Langue|Language/).selectOption({ label });
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }
}
