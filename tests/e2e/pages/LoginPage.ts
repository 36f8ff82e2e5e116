// Page model of /login: the login form, and the account card (with the password change) once logged in.
import type { Page } from 'playwright-core';

export class LoginPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string) {
    await this.page.goto(`${baseUrl}/login`);
    await this.page.getByRole('heading', { level: 1, name: /Connexion|Compte/ }).waitFor();
  }

  email() {
    return this.page.getByLabel('Adresse e-mail');
  }

  password() {
    return this.page.getByLabel('Mot de passe');
  }

  async logIn(email: string, password: string) {
    await this.email().fill(email);
    await this.password().fill(password);
    await this.page.getByRole('button', { name: 'Se connecter' }).click();
  }

  /** Logs in and waits for the app to take the session (back on the missions list). */
  async logInAndWait(email: string, password: string) {
    await this.logIn(email, password);
    // The session is stored once the sync details exist (they are in the header, open or not).
    await this.page.getByTestId('sync-status').waitFor({ state: 'attached' });
    // The menu may show the session a moment before the form sends the page to the list; a click
    // made in between would be undone by that navigation.
    await this.page.waitForURL((url) => url.pathname === '/');
  }

  /** On the account screen: fills "Changer mon mot de passe" and submits it. */
  async changePassword(current: string, next: string) {
    const form = this.page.getByRole('form', { name: 'Changer mon mot de passe' });
    await form.getByLabel('Mot de passe actuel').fill(current);
    await form.getByLabel('Nouveau mot de passe', { exact: true }).fill(next);
    await form.getByLabel('Confirmez le nouveau mot de passe').fill(next);
    await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
    return form;
  }

  async logOut() {
    await this.page.getByRole('button', { name: 'Se déconnecter' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
  }

  errors() {
    return this.page.getByRole('alert');
  }

  loggedInAs() {
    return this.page.getByTestId('logged-in-as');
  }
}
