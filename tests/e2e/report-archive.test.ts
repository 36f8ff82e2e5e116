// The "Rapport" tab in Chromium, offline on a phone: a mission arrives as an archive (no server),
// then the Word and PDF reports, the spreadsheets and the archive are produced and read back.
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportArchive } from '../../src/report/archive/exportArchive';
import { DEMO_CAPTIONS, demoArchiveData, demoMission } from '../fixtures/reportBundle';
import { readDocx, readPdfPages } from '../unit/report/readBack';
import { ReportPage } from './pages/ReportPage';
import { goOffline, launchBrowser, newPhoneContext } from './support/browser';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let report: ReportPage;
const demo = demoMission();
let archive: Uint8Array;

beforeAll(async () => {
  [server, browser, archive] = await Promise.all([
    startServer(),
    launchBrowser(),
    exportArchive(demoArchiveData(demo)),
  ]);
  context = await newPhoneContext(browser);
  page = await context.newPage();
  await page.goto(server.url);
  // A mission of this phone's own, whose Rapport tab receives the archive of the demo mission.
  await page.getByRole('button', { name: 'Créer une mission de démonstration' }).click();
  await page.getByRole('navigation', { name: 'Pages de la mission' }).waitFor();
  await goOffline(context, page);
  // The "works offline now" notice covers the bottom of the screen: close it as a person would.
  await page.addLocatorHandler(page.getByText('Terrain fonctionne désormais sans réseau.'), async () => {
    await page.getByRole('button', { name: 'Fermer' }).click();
  });
  report = new ReportPage(page);
  await report.open();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const plain = (text: string) => text.replace(/[\s\u00a0]+/g, ' ');

describe('the report tab, offline', () => {
  it('imports a mission archive received from another phone, then opens that mission', async () => {
    await report.importArchive('mission.zip', archive);
    await expect
      .poll(() => report.importStatus().textContent())
      .toMatch(new RegExp(`^Mission « ${demo.mission.title} » importée : \\d+ éléments, 6 photos\\.`));
    await report.importStatus().getByRole('link', { name: 'Ouvrir la mission importée' }).click();
    await page.getByRole('heading', { level: 1, name: demo.mission.title }).waitFor();
    await report.open();
    await expect.poll(() => report.noteState('Validée').isChecked()).toBe(true);
    await expect.poll(() => page.getByText('Validée (3 notes)').count()).toBe(1);
    expect(await report.noteState('Brouillon').isChecked()).toBe(false);
  });

  it('asks for at least one note state before building anything', async () => {
    await report.noteState('Validée').uncheck();
    await page.getByRole('button', { name: 'PDF', exact: true }).click();
    await expect.poll(() => report.noteStatesError().textContent()).toBe('Choisissez au moins un état de note.');
    await report.noteState('Validée').check();
  });

  it('produces the Word report with the tables, totals and the six captioned photos', async () => {
    const file = await report.download('Word (.docx)');
    expect(file.name).toBe('compte-rendu-visite-de-terrain-du-comite-technique.docx');
    const doc = await readDocx(file.bytes);
    // Six photos, plus the map and the chart (PNG) since issue 13.
    expect(doc.media.filter((m) => !m.endsWith('.png'))).toHaveLength(6);
    expect(doc.tables.find((t) => t.rows[0]?.[1] === 'Noms et prénoms')?.rows[1][1]).toBe('Awa Exemple');
    expect(plain(doc.tables.at(-2)?.rows.at(-1)?.join(' | ') ?? '')).toBe(
      'Total général | 9 750 000 FCFA | 7 500 000 FCFA | 76,9 %',
    );
    for (const caption of DEMO_CAPTIONS) expect(doc.text).toContain(caption);
  });

  it('produces the PDF report with the same content', async () => {
    const file = await report.download('PDF');
    const text = plain((await readPdfPages(file.bytes)).join(' '));
    expect(text).toContain('COMPTE RENDU DE MISSION');
    expect(text).toContain('Total général 9 750 000 FCFA 7 500 000 FCFA 76,9 %');
    for (const caption of DEMO_CAPTIONS) expect(text).toContain(caption);
  });

  it('exports a table as CSV for French Excel and all tables as XLSX', async () => {
    await report.chooseSheet('Participants');
    const csv = await report.download('CSV');
    expect(csv.name).toBe('participants-visite-de-terrain-du-comite-technique.csv');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(csv.bytes)).toContain('N°;Noms et prénoms;Fonctions;Structures;Contacts;E-mails');
    const xlsx = await report.download('Excel (.xlsx)');
    expect(strFromU8(unzipSync(xlsx.bytes)['xl/workbook.xml'])).toContain('name="Participants"');
  });

  it('exports the mission archive, and importing it again doubles nothing', async () => {
    const file = await report.download('Exporter l’archive (.zip)');
    expect(file.name).toBe('mission-visite-de-terrain-du-comite-technique.zip');
    await report.importArchive(file.name, file.bytes);
    await expect
      .poll(() => report.importStatus().textContent())
      .toContain(`Mission « ${demo.mission.title} » déjà à jour sur cet appareil`);
  });

  it('refuses an archive with one byte changed, with a message in French', async () => {
    const tampered = archive.slice();
    const photo = Object.values(unzipSync(archive)).find((bytes) => bytes[0] === 0xff && bytes[1] === 0xd8);
    const at = Buffer.from(archive).indexOf(Buffer.from(photo?.subarray(300, 340) ?? [])) + 5;
    expect(at).toBeGreaterThan(5);
    tampered[at] ^= 0xff;
    await report.importArchive('mission.zip', tampered);
    await expect
      .poll(() => report.importError().textContent())
      .toContain('Cette archive est corrompue ou a été modifiée');
  });

  it('fits a 360 px wide phone', async () => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await page.screenshot({ path: '/tmp/report-screen-360.png', fullPage: true });
  });
});
