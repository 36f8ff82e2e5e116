// The app behind Caddy over HTTPS, as deploy/ sets it up (Caddy in front, TRUST_PROXY=1): on a
// name that is not localhost (so the browser grants a service worker only because the page is HTTPS),
// mapped to 127.0.0.1 with Chromium's --host-resolver-rules. Caddy's `tls internal` certificate
// authority is not trusted by this Chromium, so its certificate errors are ignored
// (--ignore-certificate-errors and ignoreHTTPSErrors); on a real server Caddy gets a public one.
// A person logs in, the service worker installs, the network goes, a reload still shows the app.
import fs from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell, mainNavLink } from './pages/AppShell';
import { LoginPage } from './pages/LoginPage';
import { ADMIN, ADMIN_ENV } from './support/accounts';
import { CHROMIUM_ARGS, goOffline } from './support/browser';
import { CADDY_PATH, type RunningCaddy, startCaddy } from './support/caddy';
import { type RunningServer, startServer } from './support/server';

const HOST = 'terrain.exemple.test';
let server: RunningServer;
let caddy: RunningCaddy;
let browser: Browser;

describe.runIf(fs.existsSync(CADDY_PATH) || process.env.CI)('behind Caddy over HTTPS', () => {
  beforeAll(async () => {
    server = await startServer({ env: { ...ADMIN_ENV, TRUST_PROXY: '1' } });
    caddy = await startCaddy(HOST, `127.0.0.1:${server.port}`);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${HOST} 127.0.0.1`, '--ignore-certificate-errors'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await caddy?.stop();
    await server?.stop();
  });

  it('installs the service worker, logs in and opens offline', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: 'fr-FR',
      serviceWorkers: 'allow',
      ignoreHTTPSErrors: true,
    });
    const page = await context.newPage();
    const home = await page.goto(caddy.url);
    expect(home?.status()).toBe(200);
    expect(page.url().startsWith(`https://${HOST}:`)).toBe(true);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    // Caddy says the request came over HTTPS (X-Forwarded-Proto), so the server asks for HSTS.
    expect(home?.headers()['strict-transport-security']).toMatch(/max-age=\d+/);

    const login = new LoginPage(page);
    await login.open(caddy.url);
    await login.logInAndWait(ADMIN.email, ADMIN.password);
    const shell = new AppShell(page);
    await expect.poll(() => shell.heading().textContent()).toBe('Missions');

    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${caddy.url}/`);
    await goOffline(context, page);
    await page.reload();
    // The network is really gone (the page came from the service worker's cache): the API is unreachable.
    expect(
      await page.evaluate(() =>
        fetch('/api/health').then(
          () => 'joint',
          () => 'injoignable',
        ),
      ),
    ).toBe('injoignable');
    await expect.poll(() => shell.heading().textContent()).toBe('Missions');
    // Still logged in offline: the session stays on the device.
    await (await mainNavLink(page, 'Compte')).waitFor();
    await context.close();
  });
});
