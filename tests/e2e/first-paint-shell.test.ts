// The first screen paints before any JavaScript: index.html's static shell (header with the app
// name, a French title, a skeleton), styled by its inline <style> under the strict CSP. When the
// app takes over, its header sits exactly where the shell's was, and nothing shifts (CLS ≤ 0.02)
// on a slow link, not even when the browser offers installing; the shell's text is the largest paint.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_FILES_META } from '../../src/app/appFiles';
import { launchBrowser, newPhoneContext } from './support/browser';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const box = (el: Element) => {
  const r = el.getBoundingClientRect();
  return { top: r.top, height: r.height };
};

describe('the static shell of index.html', () => {
  it('paints the header, title and skeleton styled, with no script and no stylesheet of the app', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    // Nothing but the HTML: every script and stylesheet of the app is refused.
    await page.route(/\.(js|css)$/, (route) => route.abort());
    await page.goto(server.url);
    const header = page.locator('header.shell-header');
    await expect.poll(() => header.textContent()).toBe('Terrain');
    expect(await page.locator('.shell-title').textContent()).toBe('Missions');
    // A picture of the screen to come: hidden from screen readers and from role queries.
    expect(await page.getByRole('heading').count()).toBe(0);
    expect(await header.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(31, 111, 67)');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(violations).toEqual([]);
    await context.close();
  });

  it('runs the app only after it has painted, and asks for all its files together then', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Missions' }).count(), { timeout: 20_000 }).toBe(1);
    const timing = await page.evaluate(() => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      appStart: performance.getEntriesByName('terrain:app-start')[0]?.startTime ?? null,
      scripts: performance
        .getEntriesByType('resource')
        .map((entry) => ({ path: new URL(entry.name).pathname, start: entry.startTime })),
    }));
    expect(timing.paint).not.toBeNull();
    expect(timing.appStart).not.toBeNull();
    const paint = timing.paint as number;
    const appStart = timing.appStart as number;
    expect(appStart).toBeGreaterThanOrEqual(paint);

    // The files the app starts with, listed in the page (fetching nothing), are asked for after the
    // paint (a file that arrived before it would count as holding the first paint) and all before
    // the app's code starts: none waits for an earlier stage to be evaluated.
    const html = await (await fetch(server.url)).text();
    const listed = new RegExp(`<meta name="${APP_FILES_META}" content="([^"]*)"`).exec(html)?.[1].split(' ') ?? [];
    expect(listed.find((p) => /\/main-[^/]+\.js$/.test(p))).toBeDefined();
    for (const path of listed) {
      const requested = timing.scripts.find((s) => s.path === path);
      expect(requested, path).toBeDefined();
      expect(requested?.start, path).toBeGreaterThanOrEqual(paint);
      expect(requested?.start, path).toBeLessThanOrEqual(appStart);
    }
    await context.close();
  });

  it('is replaced by the app with its header in the same place, and no layout shift on a slow link', async () => {
    const context = await newPhoneContext(browser);
    await context.addInitScript(() => {
      const w = window as unknown as { __cls: number; __lcp: string[] };
      w.__cls = 0;
      w.__lcp = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
          if (!entry.hadRecentInput) w.__cls += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { element: Element | null })[])
          w.__lcp.push(entry.element?.closest('.shell') ? 'shell' : (entry.element?.textContent ?? '').slice(0, 60));
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // 3G: 750 kbit/s down, 250 up, 200 ms.
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 200,
      downloadThroughput: (750 * 1024) / 8,
      uploadThroughput: (250 * 1024) / 8,
    });
    await page.goto(server.url, { waitUntil: 'commit' });
    const shellHeader = await page.locator('header.shell-header').evaluate(box);
    await page.getByRole('button', { name: 'Créer une mission de démonstration' }).waitFor({ timeout: 60_000 });
    // The browser offers installing while the screen is still filling in: the invitation must not
    // push the list down (it did, at the top of the list).
    await page.evaluate(() => {
      const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
        prompt: async () => undefined,
        userChoice: Promise.resolve({ outcome: 'dismissed' }),
      });
      window.dispatchEvent(offer);
    });
    await page.getByRole('button', { name: 'Installer Terrain' }).waitFor();
    await page.getByRole('button', { name: 'Importer une archive' }).waitFor({ timeout: 60_000 });
    const appHeader = await page.locator('header.app-header').evaluate(box);
    expect(appHeader.top).toBe(shellHeader.top);
    expect(Math.abs(appHeader.height - shellHeader.height)).toBeLessThan(1);
    expect(await page.locator('.shell-header').count()).toBe(0);
    // The first install finishes: its notice must not push the screen down either.
    await page.getByText('Terrain fonctionne désormais sans réseau.').waitFor({ timeout: 90_000 });
    expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBeLessThanOrEqual(0.02);
    // The largest paint is the shell's, before any script ran: no text of the app's first screen
    // may be larger than the shell's card (largest-contentful-paint entries only ever grow).
    expect([...new Set(await page.evaluate(() => (window as unknown as { __lcp: string[] }).__lcp))]).toEqual([
      'shell',
    ]);
    await context.close();
  });

  it('runs the database without Dexie’s debug mode, even on 127.0.0.1 (as deployed)', async () => {
    const context = await newPhoneContext(browser);
    // Dexie's debug mode (on by itself for localhost and 127.0.0.1) names an async task per query.
    await context.addInitScript(() => {
      const w = window as unknown as { __tasks: string[] };
      w.__tasks = [];
      const tasks = console as unknown as { createTask?: (name: string) => unknown };
      const original = tasks.createTask?.bind(console);
      if (original)
        tasks.createTask = (name: string) => {
          w.__tasks.push(name);
          return original(name);
        };
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Missions' }).count(), { timeout: 20_000 }).toBe(1);
    const tasks = await page.evaluate(() => (window as unknown as { __tasks: string[] }).__tasks);
    expect(tasks.filter((name) => name.startsWith('Dexie'))).toEqual([]);
    await context.close();
  });
});
