// Debian's Chromium driven by playwright-core: never a downloaded browser. Each test gets a
// fresh context (an empty profile: its own IndexedDB, service worker and storage).
import { type Browser, type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';

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
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 1,
    locale: options.locale ?? 'fr-FR',
    serviceWorkers: 'allow',
  });
  reportOfflineInEveryDocument(context);
  return context;
}

const devtools = new WeakMap<Page, Promise<CDPSession>>();

async function emulateOffline(context: BrowserContext, page: Page, offline: boolean): Promise<void> {
  let session = devtools.get(page);
  if (!session) {
    session = context.newCDPSession(page);
    devtools.set(page, session);
  }
  await session
    .then((s) =>
      s.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 }),
    )
    .catch(() => undefined); // the page closed meanwhile
}

/**
 * Debian's Chromium (150) resets navigator.onLine to true in each new document of a context that
 * Playwright set offline, while the network stays cut; a phone in airplane mode says it is offline
 * in every page. So the context's offline state is applied again, through each page's DevTools
 * session, to every document it loads.
 */
function reportOfflineInEveryDocument(context: BrowserContext): void {
  let offline = false;
  const setOffline = context.setOffline.bind(context);
  context.setOffline = async (value: boolean) => {
    offline = value;
    await setOffline(value);
    await Promise.all(context.pages().map((page) => emulateOffline(context, page, value)));
  };
  const follow = (page: Page) =>
    page.on('domcontentloaded', () => {
      if (offline) void emulateOffline(context, page, true);
    });
  for (const page of context.pages()) follow(page);
  context.on('page', follow);
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

/**
 * Waits until the page's requests have settled: none in flight for `quietMs`, not counting the
 * live channel (/api/events), which stays open for as long as the app is logged in and online —
 * Playwright's 'networkidle' would wait for it until its timeout. Requests started before the call
 * are not seen: call it right after the action whose loading it waits for.
 */
export async function waitForQuietNetwork(page: Page, quietMs = 500, timeoutMs = 15_000): Promise<void> {
  const counted = (request: { url(): string }) => !request.url().includes('/api/events');
  let inFlight = 0;
  let lastChange = Date.now();
  const started = (request: { url(): string }) => {
    if (!counted(request)) return;
    inFlight += 1;
    lastChange = Date.now();
  };
  const ended = (request: { url(): string }) => {
    if (!counted(request)) return;
    inFlight = Math.max(0, inFlight - 1);
    lastChange = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && (inFlight > 0 || Date.now() - lastChange < quietMs)) {
      await page.waitForTimeout(100);
    }
    await page.evaluate(() => document.fonts.ready);
  } finally {
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  }
}
