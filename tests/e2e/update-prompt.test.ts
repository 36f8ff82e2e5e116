// A new version is announced and taken only when the user agrees: the page is never reloaded by
// itself (someone may be typing a note). The new version is made by changing the built service
// worker's precache list, as a new deployment does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPhoneContext, waitForServiceWorker } from './support/browser';
import { type RunningServer, startServer } from './support/server';

const ROOT = path.resolve(import.meta.dirname, '../..');
let server: RunningServer;
let browser: Browser;
let distDir: string;

beforeAll(async () => {
  distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'terrain-dist-'));
  fs.cpSync(process.env.DIST_DIR ? path.resolve(process.env.DIST_DIR) : path.join(ROOT, 'dist'), distDir, {
    recursive: true,
  });
  server = await startServer({ env: { DIST_DIR: distDir } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(distDir, { recursive: true, force: true });
});

function deployNewVersion() {
  const swPath = path.join(distDir, 'sw.js');
  const sw = fs.readFileSync(swPath, 'utf8');
  // The precache list vite-plugin-pwa injected (JSON, keys sorted): index.html's revision changes.
  const next = sw.replace(
    /"revision":"[0-9a-f]+","url":"index.html"/,
    '"revision":"0000000000000000000000000000beef","url":"index.html"',
  );
  expect(next).not.toBe(sw);
  fs.writeFileSync(swPath, next);
  // A deployment ships the compressed copies the server sends (built with the rest): made again.
  fs.writeFileSync(`${swPath}.br`, zlib.brotliCompressSync(next));
  fs.writeFileSync(`${swPath}.gz`, zlib.gzipSync(next));
}

describe('a new version of the app', () => {
  it('is offered in a banner, and the page reloads only when the user agrees', async () => {
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForServiceWorker(page);
    // A returning user: the page is controlled by the installed version.
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // A marker that a reload would wipe out, and text being typed.
    await page.evaluate(() => {
      (window as Window & { typing?: boolean }).typing = true;
    });

    deployNewVersion();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

    const banner = page.getByRole('alertdialog');
    await banner.getByText('Une nouvelle version de Terrain est disponible.').waitFor();
    // The new version waits for the user: nothing reloads while they go on typing.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state)).toBe(
      'installed',
    );
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(() => (window as Window & { typing?: boolean }).typing)).toBe(true);

    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Mettre à jour' }).click()]);
    expect(await page.evaluate(() => (window as Window & { typing?: boolean }).typing)).toBeUndefined();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await context.close();
  });
});
