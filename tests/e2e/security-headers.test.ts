// The app under its Content-Security-Policy, in Chromium: logging in, a mission, a visit note with a
// photo (blob: thumbnails, the resizing worker, the upload), the service worker, the report worker
// building a PDF (with the photo), a reload from the service worker. Every CSP violation is
// recorded, from the page's `securitypolicyviolation` events and from the console: there must be none.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCommune, aMission } from '../fixtures/builders';
import { LoginPage } from './pages/LoginPage';
import { ReportPage } from './pages/ReportPage';
import { seedRecords, VisitList } from './pages/VisitPages';
import { ADMIN, ADMIN_ENV } from './support/accounts';
import { launchBrowser, newPhoneContext, waitForServiceWorker } from './support/browser';
import { drawJpegs } from './support/jpeg';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const violations: string[] = [];

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ env: ADMIN_ENV }), launchBrowser()]);
});

/** A fresh phone (a retry starts again from an empty profile) that records every CSP violation. */
async function recordingPhone() {
  await context?.close();
  violations.length = 0;
  context = await newPhoneContext(browser);
  // Before any script of the app: every violation the page reports.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('worker', (worker) =>
    worker.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(`worker: ${message.text()}`);
    }),
  );
  await page.addLocatorHandler(page.getByText('Terrain fonctionne désormais sans réseau.'), async () => {
    await page.getByRole('button', { name: 'Fermer' }).click();
  });
}

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

async function pageViolations(): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations ?? []);
}

describe('the app under a strict Content-Security-Policy', () => {
  it('serves the app shell with the policy, and runs everything with no violation', async () => {
    const shell = await fetch(`${server.url}/`);
    expect(shell.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(shell.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");

    await recordingPhone();
    const login = new LoginPage(page);
    await login.open(server.url);
    await login.logInAndWait(ADMIN.email, ADMIN.password);
    // The service worker installs and activates (it controls the page from the next load).
    const state = await page.evaluate(async () => {
      const worker = (await navigator.serviceWorker.ready).active;
      if (worker && worker.state !== 'activated') {
        await new Promise((resolve) => worker.addEventListener('statechange', resolve));
      }
      return worker?.state;
    });
    expect(state).toBe('activated');

    // A mission with one commune, and a visit note with a photo.
    const mission = aMission({ title: 'Mission sous politique de sécurité' });
    await seedRecords(page, { missions: [mission], communes: [aCommune(mission.id, { name: 'Kéra' })] });
    const list = new VisitList(page);
    await list.open(server.url, mission.id);
    const note = await list.newVisit({ choose: 'Kéra' });
    await note.title().waitFor();
    const [photo] = await drawJpegs(page, 1200, 900, 1);
    await note.choosePhotos([{ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo }]);
    await expect.poll(() => note.photos().count(), { timeout: 60_000 }).toBe(1);
    const thumbnail = note.photoSection().getByRole('img');
    await expect.poll(() => thumbnail.getAttribute('src')).toMatch(/^blob:/);
    await expect.poll(() => thumbnail.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await note.caption(1).fill('Forage vu du nord');
    await note.waitSaved();

    // The report worker builds a PDF with the photo in it.
    const report = new ReportPage(page);
    await report.open();
    await report.noteState('Brouillon').check();
    const pdf = await report.download('PDF');
    expect(pdf.bytes.byteLength).toBeGreaterThan(1000);

    // Again from the service worker's copy of the app.
    await page.reload();
    await page.getByRole('navigation', { name: 'Menu principal' }).waitFor();
    await waitForServiceWorker(page);
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

    expect([...violations, ...(await pageViolations())]).toEqual([]);
  }, 180_000);
});
