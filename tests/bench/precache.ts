// What a first install costs on the wire: a fresh phone opens the app, the service worker
// precaches everything, and every byte it fetched is counted as received (encoded, as the server
// sent it). Also says how many of the text files came compressed, so a regression in
// compression shows here and not only as a bigger number.
import type { Request } from 'playwright-core';
import { launchBrowser, newPhoneContext, waitForServiceWorker } from '../e2e/support/browser';
import type { RunningServer } from '../e2e/support/server';

export const PRECACHE_WIRE_TARGET_BYTES = 800 * 1024;

export interface PrecacheFigures {
  files: number;
  wireBytes: number;
  decodedBytes: number;
  textFiles: number;
  compressedTextFiles: number;
  largest: { url: string; wireBytes: number }[];
}

export async function measurePrecache(server: RunningServer): Promise<PrecacheFigures> {
  const browser = await launchBrowser();
  try {
    const context = await newPhoneContext(browser);
    const fromWorker: Request[] = [];
    context.on('requestfinished', (request) => {
      if (request.serviceWorker()) fromWorker.push(request);
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForServiceWorker(page);
    // The precache is complete once the worker is active (install waits for every file).
    await page.evaluate(async () => {
      const worker = (await navigator.serviceWorker.ready).active;
      if (worker && worker.state !== 'activated') {
        await new Promise((resolve) => worker.addEventListener('statechange', resolve));
      }
    });
    const rows = await Promise.all(
      fromWorker.map(async (request) => {
        const response = await request.response();
        const sizes = await request.sizes();
        const type = response?.headers()['content-type'] ?? '';
        return {
          url: new URL(request.url()).pathname,
          wireBytes: sizes.responseBodySize,
          decodedBytes: (await response?.body().catch(() => undefined))?.length ?? sizes.responseBodySize,
          text: /^(text\/|application\/(javascript|json|manifest\+json)|image\/svg)/.test(type),
          encoded: Boolean(response?.headers()['content-encoding']),
        };
      }),
    );
    const texts = rows.filter((r) => r.text);
    return {
      files: rows.length,
      wireBytes: rows.reduce((sum, r) => sum + r.wireBytes, 0),
      decodedBytes: rows.reduce((sum, r) => sum + r.decodedBytes, 0),
      textFiles: texts.length,
      compressedTextFiles: texts.filter((r) => r.encoded).length,
      largest: rows
        .sort((a, b) => b.wireBytes - a.wireBytes)
        .slice(0, 5)
        .map(({ url, wireBytes }) => ({ url, wireBytes })),
    };
  } finally {
    await browser.close();
  }
}
