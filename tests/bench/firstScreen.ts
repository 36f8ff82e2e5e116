// Measures the JavaScript the first screen really loads: opens the built app in Chromium and
// gzips every script it fetched before the missions list showed. Budget: 150 KB gzipped. Also
// counts every byte the page itself received (HTML, CSS, JS, manifest, icons; encoded, as the
// server sent them; the service worker's precache is measured apart, in precache.ts).
import zlib from 'node:zlib';
import { launchBrowser, newPhoneContext } from '../e2e/support/browser';
import type { RunningServer } from '../e2e/support/server';

export const FIRST_SCREEN_BUDGET_BYTES = 150 * 1024;
export const FIRST_SCREEN_WIRE_TARGET_BYTES = 160 * 1024;

export async function measureFirstScreenJs(server: RunningServer) {
  const browser = await launchBrowser();
  try {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    const scripts: { url: string; raw: number; gzip: number }[] = [];
    const pending: Promise<void>[] = [];
    const onTheWire: Promise<number>[] = [];
    context.on('requestfinished', (request) => {
      if (!request.serviceWorker()) onTheWire.push(request.sizes().then((sizes) => sizes.responseBodySize));
    });
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      pending.push(
        response.body().then((body) => {
          scripts.push({
            url: new URL(response.url()).pathname,
            raw: body.length,
            gzip: zlib.gzipSync(body, { level: 9 }).length,
          });
        }),
      );
    });
    const started = performance.now();
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const firstScreenMs = performance.now() - started;
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const gzipTotal = scripts.reduce((sum, s) => sum + s.gzip, 0);
    const wireBytes = (await Promise.all(onTheWire)).reduce((sum, bytes) => sum + bytes, 0);
    return { scripts, gzipTotal, wireBytes, firstScreenMs };
  } finally {
    await browser.close();
  }
}
