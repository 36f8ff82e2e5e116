// The way a team gets the app: installed in town over 3G (750/250 kbit/s, 200 ms, service worker
// fetches included), then in the field with no network at all: the demo mission's report in Word
// and in PDF, both built on the phone, both readable, both carrying the mission's title.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx, readPdfPages } from '../unit/report/readBack';
import { ReportPage } from './pages/ReportPage';
import { launchBrowser, newPhoneContext, waitForServiceWorker } from './support/browser';
import { type RunningServer, startServer } from './support/server';
import { LINK_3G, startThrottledLink, type ThrottledLink } from './support/throttledLink';

const DEMO_TITLE = 'Visite de terrain du comité technique';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext | undefined;
let link: ThrottledLink | undefined;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await context?.close();
  await link?.close();
  await browser?.close();
  await server?.stop();
});

const plain = (text: string) => text.replace(/[\s\u00a0]+/g, ' ');

describe('first install over 3G, then the report offline', () => {
  it('installs everything over 3G, then builds the Word and the PDF report of the demo mission with no network', async () => {
    await context?.close();
    await link?.close();
    link = await startThrottledLink(server.port, LINK_3G);
    context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.goto(link.url);
    await page.getByRole('button', { name: 'Créer une mission de démonstration' }).waitFor({ timeout: 60_000 });
    // Installed: the service worker has precached every file (over the same slow link) and runs.
    await waitForServiceWorker(page);
    await page.evaluate(async () => {
      const worker = (await navigator.serviceWorker.ready).active;
      if (worker && worker.state !== 'activated') {
        await new Promise((resolve) => worker.addEventListener('statechange', resolve));
      }
    });
    expect(link.bytes.down).toBeGreaterThan(100_000);

    // No network at all: the browser is offline and the link is gone.
    await context.setOffline(true);
    await link.close();
    await page.addLocatorHandler(page.getByText('Terrain fonctionne désormais sans réseau.'), async () => {
      await page.getByRole('button', { name: 'Fermer' }).click();
    });
    await page.getByRole('button', { name: 'Créer une mission de démonstration' }).click();
    await page.getByRole('navigation', { name: 'Pages de la mission' }).waitFor();
    const report = new ReportPage(page);
    await report.open();

    const word = await report.download('Word (.docx)');
    expect(plain((await readDocx(word.bytes)).text)).toContain(DEMO_TITLE);
    const pdf = await report.download('PDF');
    expect(plain((await readPdfPages(pdf.bytes)).join(' '))).toContain(DEMO_TITLE);
  }, 240_000);
});
