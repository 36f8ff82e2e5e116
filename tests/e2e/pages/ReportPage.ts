// Page model of a mission's "Rapport" tab: note states, export buttons (each gives a download),
// spreadsheet choice, and the archive import, driven by roles and labels as a coordinator would.
import type { Page } from 'playwright-core';

export interface Downloaded {
  name: string;
  bytes: Uint8Array;
}

export class ReportPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page
      .getByRole('navigation', { name: 'Pages de la mission' })
      .getByRole('link', { name: 'Rapport' })
      .click();
    await this.page.getByRole('heading', { name: 'Rapport et exports' }).waitFor();
  }

  noteState(label: 'Brouillon' | 'Soumise' | 'À revoir' | 'Validée') {
    return this.page.getByRole('checkbox', { name: new RegExp(`^${label} \\(`) });
  }

  async chooseSheet(label: string) {
    await this.page.getByLabel('Tableau à exporter en CSV').selectOption({ label });
  }

  /** Clicks an export button and returns the file the browser downloads. */
  async download(button: string): Promise<Downloaded> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 90_000 }),
      this.page.getByRole('button', { name: button, exact: true }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), bytes: new Uint8Array(Buffer.concat(chunks)) };
  }

  async importArchive(name: string, bytes: Uint8Array) {
    await this.page
      .getByLabel('Importer une archive')
      .setInputFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(bytes) });
  }

  archiveSection() {
    return this.page.getByRole('region', { name: 'Archive de la mission' });
  }

  /** What the archive import says once it is done, or why it refused the file. */
  importStatus() {
    return this.archiveSection().getByRole('status');
  }

  importError() {
    return this.archiveSection().getByRole('alert');
  }

  /** The message next to the note states, when none is chosen. */
  noteStatesError() {
    return this.page.getByRole('group', { name: 'Notes de visite à inclure' }).getByRole('alert');
  }
}
