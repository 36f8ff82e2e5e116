// The report a ministry files, built on a 360 px phone in Chromium, offline: the mission map on the
// overview and the budget chart in the report tab (SVG, no tiles), the report's texts typed in the
// tab and synced as a record, the Word report whose map and chart the worker draws on an
// OffscreenCanvas, and the PDF sent with the share sheet where the browser can share files.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportArchive } from '../../src/report/archive/exportArchive';
import { demoArchiveData, demoMission } from '../fixtures/reportBundle';
import { sealPng } from '../unit/report/logoImages';
import { pdfImagesPerPage, readDocx } from '../unit/report/readBack';
import { ReportPage } from './pages/ReportPage';
import { goOffline, launchBrowser, newPhoneContext } from './support/browser';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let report: ReportPage;
const demo = demoMission();

interface SharedFile {
  name: string;
  type: string;
  size: number;
}

/**
 * Headless Chromium on Linux has no share sheet (navigator.share is undefined), so the test gives
 * the page one that records what it is asked to share and, like Chrome on Android, shares PDFs but
 * not Word files: the PDF must go to the share sheet and the .docx must still download.
 */
function installShareSheet() {
  const shared: SharedFile[] = [];
  (window as unknown as { sharedFiles: SharedFile[] }).sharedFiles = shared;
  Object.assign(navigator, {
    canShare: (data: { files?: File[] }) => (data.files ?? []).every((f) => f.type === 'application/pdf'),
    share: async (data: { files?: File[] }) => {
      for (const f of data.files ?? []) shared.push({ name: f.name, type: f.type, size: f.size });
    },
  });
}

beforeAll(async () => {
  const archive = await exportArchive(demoArchiveData(demo));
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  context = await newPhoneContext(browser);
  await context.addInitScript(installShareSheet);
  page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Créer une mission de démonstration' }).click();
  await page.getByRole('navigation', { name: 'Pages de la mission' }).waitFor();
  await goOffline(context, page);
  await page.addLocatorHandler(page.getByText('Terrain fonctionne désormais sans réseau.'), async () => {
    await page.getByRole('button', { name: 'Fermer' }).click();
  });
  report = new ReportPage(page);
  await report.open();
  await report.importArchive('mission.zip', archive);
  await report.importStatus().getByRole('link', { name: 'Ouvrir la mission importée' }).click();
  await page.getByRole('heading', { level: 1, name: demo.mission.title }).waitFor();
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

/** Waits for an image to be decoded and returns its drawn width (0 for a broken image). */
async function decodedWidth(alt: string): Promise<number> {
  const image = page.getByRole('img', { name: alt });
  await image.waitFor();
  return image.evaluate(async (img: HTMLImageElement) => {
    await img.decode().catch(() => undefined);
    return img.naturalWidth;
  });
}

describe('the report, complete, on a phone', () => {
  it('shows the mission map on the overview, drawn offline', async () => {
    expect(await decodedWidth('Carte de la mission : communes de l’itinéraire et points GPS des visites')).toBe(320);
    await page.screenshot({ path: '/tmp/report-overview-map-360.png', fullPage: true });
  });

  it('shows the budget chart of the chosen notes in the report tab', async () => {
    await report.open();
    expect(await decodedWidth('Budget prévu et dépensé par commune, avec le taux d’exécution')).toBe(320);
  });

  it('keeps the synthèse and the signatories typed in the report tab', async () => {
    await page.getByText('Contenu du compte rendu').click();
    await page
      .getByRole('textbox', { name: 'Synthèse', exact: true })
      .fill('Synthèse saisie sur le téléphone, hors ligne.');
    await page.getByLabel('Fait à (lieu)').fill('Mopti');
    await page.getByRole('button', { name: 'Ajouter un signataire' }).click();
    await page.getByLabel('Nom du signataire 1').fill('Awa Exemple');
    await page.getByLabel('Fonction du signataire 1').fill('Cheffe de mission');
    await page.getByRole('button', { name: 'Enregistrer le contenu' }).click();
    await page.getByRole('status').filter({ hasText: 'Contenu enregistré.' }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await page.screenshot({ path: '/tmp/report-settings-360.png', fullPage: true });
  });

  it('keeps a logo chosen for the title page, made small on the phone and still transparent', async () => {
    const seal = await sealPng();
    await page
      .getByLabel('Ajouter un logo')
      .setInputFiles({ name: 'sceau.png', mimeType: 'image/png', buffer: Buffer.from(seal.bytes) });
    expect(await decodedWidth('Logo 1')).toBe(240);
    await page.getByRole('button', { name: 'Retirer le logo 1' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole('img', { name: 'Logo 1' }).screenshot({ path: '/tmp/report-logo-360.png' });
  });

  it('builds the Word report with the synthèse, and the map and chart drawn in the worker', async () => {
    const file = await report.download('Word (.docx)');
    const doc = await readDocx(file.bytes);
    expect(doc.text).toContain('Synthèse saisie sur le téléphone, hors ligne.');
    expect(doc.text).toContain('Fait à Mopti');
    expect(doc.text).toContain('Figure 1 : carte de la mission');
    const pngs = doc.media.filter((m) => m.endsWith('.png'));
    expect(pngs).toHaveLength(3); // the logo, the map and the chart
    // The logo comes first, on the title page, and is still a PNG with an alpha channel (colour type 6).
    expect(doc.html.indexOf('<img')).toBeLessThan(doc.html.indexOf('Visite de terrain du comité technique'));
    const logo = doc.html.match(/<img alt="Logo" src="data:image\/png;base64,([^"]+)"/);
    expect(Buffer.from(logo?.[1] ?? '', 'base64')[25]).toBe(6);
    expect(doc.xml).toContain('descr="Carte de la mission');
    expect(doc.parts['word/styles.xml']).toContain('w:lang w:val="fr-FR"');
  });

  it('offers the PDF to the share sheet, and sends it when tapped', async () => {
    await page.getByRole('button', { name: 'PDF', exact: true }).click();
    const share = page.getByRole('button', { name: /^Partager compte-rendu-.*\.pdf$/ });
    await share.waitFor({ timeout: 90_000 });
    await share.click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { sharedFiles: SharedFile[] }).sharedFiles))
      .toEqual([
        {
          name: 'compte-rendu-visite-de-terrain-du-comite-technique.pdf',
          type: 'application/pdf',
          size: expect.any(Number),
        },
      ]);
    const link = page.getByRole('link', { name: /^Télécharger compte-rendu-.*\.pdf/ });
    expect(await link.isVisible()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    // The title page paints the logo; the map and the chart are drawn as vectors in the PDF.
    expect((await pdfImagesPerPage(new Uint8Array(Buffer.concat(chunks))))[0]).toBe(1);
  });
});
