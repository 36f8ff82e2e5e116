// Debian's Chromium driven by playwright-core: never a downloaded browser. Each test gets a
// fresh context (an empty profile: its own IndexedDB, service worker and storage).
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** A phone-sized context (360 px wide), French locale, as the users hold it. */
export async function newPhoneContext(browser: Browser, options: { locale?: string } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 1,
    locale: options.locale ?? 'fr-FR',
    serviceWorkers: 'allow',
  });
}

/** Waits until the service worker controls the page, so that going offline keeps the app. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => {
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
        setTimeout(resolve, 5_000);
      });
    }
  });
}

/** Cuts the network for the whole context, waiting first for the service worker (or the reload fails). */
export async function goOffline(context: BrowserContext, page: Page): Promise<void> {
  await waitForServiceWorker(page);
  await context.setOffline(true);
}
