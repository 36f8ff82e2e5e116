// The browser stops the service worker in the middle of a photo (a sync event past its time
// limit, or memory pressure): the next sync event resumes the upload at the server's offset. At
// most the chunk that was on its way is sent again, never the photo from its start, and the server
// ends with one copy of the photo, hash verified. The link is slow (a throttling relay in front of
// the server, which the service worker's requests go through too) so the cut lands mid-photo.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_CHUNK_BYTES } from '../../src/shared/constants';
import { createSyncApi } from '../../src/sync/api';
import { LoginPage } from './pages/LoginPage';
import { MissionsList } from './pages/MissionPages';
import { SyncStatusBar } from './pages/SyncPages';
import { VisitList } from './pages/VisitPages';
import { ADMIN_ENV, adminApiOf, apiClientAs, createAccount, freshEmail, PASSWORD } from './support/accounts';
import { goOffline, launchBrowser, newPhoneContext, waitForServiceWorker } from './support/browser';
import { readDeviceTable } from './support/deviceRecords';
import { type RunningServer, startServer } from './support/server';
import { serviceWorkerDevtools, uploadCreations } from './support/serviceWorkerSync';
import { startThrottledLink, type ThrottledLink } from './support/throttledLink';

let server: RunningServer;
let link: ThrottledLink;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ env: ADMIN_ENV });
  // 400 kbit/s up: a 256 KiB chunk takes about 5 s, time enough to cut one on its way.
  link = await startThrottledLink(server.port, { downKbitPerS: 4_000, upKbitPerS: 400, latencyMs: 100 });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await link?.close();
  await server?.stop();
});

/** A photo of pure grain: about 600 KB even once the app re-encodes it, so several chunks. */
async function noisyJpeg(page: Page, width: number, height: number): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ width, height }) => {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      const pixels = context.createImageData(width, height);
      let seed = 42;
      for (let i = 0; i < pixels.data.length; i++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        pixels.data[i] = i % 4 === 3 ? 255 : seed >> 23;
      }
      context.putImageData(pixels, 0, 0);
      const bytes = new Uint8Array(
        await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 })).arrayBuffer(),
      );
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    },
    { width, height },
  );
  return Buffer.from(base64, 'base64');
}

describe('a background sync cut in the middle of a photo', () => {
  it('resumes at the server offset on the next sync event, re-sending at most one chunk', async () => {
    const admin = await adminApiOf(server.url);
    const binta = await createAccount(admin, 'Binta Exemple', { email: freshEmail('binta') });
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    const login = new LoginPage(page);
    await login.open(link.url);
    await login.logInAndWait(binta.email, PASSWORD);
    await waitForServiceWorker(page);
    const missionId = await new MissionsList(page).createMission('Mission coupée');
    await new SyncStatusBar(page).waitAllSent();

    await goOffline(context, page);
    const list = new VisitList(page);
    await list.open(link.url, missionId);
    const note = await list.newVisit({ type: 'Siby' });
    await note.title().waitFor();
    const jpeg = await noisyJpeg(page, 1200, 900);
    await note.choosePhotos([{ name: 'ecole.jpg', mimeType: 'image/jpeg', buffer: jpeg }]);
    await expect.poll(() => note.photos().count(), { timeout: 60_000 }).toBe(1);
    await note.waitSaved();
    const [photo] = await readDeviceTable<{ hash: string; bytes: number }>(page, 'photos');
    expect(photo.bytes).toBeGreaterThan(2 * UPLOAD_CHUNK_BYTES);

    // The offset each chunk (PATCH) of the service worker starts at.
    const patchOffsets: number[] = [];
    context.on('request', (request: Request) => {
      if (request.method() === 'PATCH' && request.url().includes('/api/photos/uploads/'))
        patchOffsets.push(Number(request.headers()['upload-offset']));
    });
    const devtools = await serviceWorkerDevtools(context);
    await page.close();
    await context.setOffline(false);

    // The first sync event: cut while the first PATCH is on its way (the first chunk went with
    // the creation request). What the browser had handed to the link still reaches the server.
    await devtools.dispatchSync(link.url);
    await expect.poll(() => patchOffsets.length, { timeout: 90_000, interval: 100 }).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await devtools.stopAllWorkers();
    const cutChunkStart = patchOffsets[patchOffsets.length - 1] as number;
    const chunksBeforeCut = patchOffsets.length;
    const member = createSyncApi(await apiClientAs(server.url, binta.email, PASSWORD));
    expect(await member.missingPhotos(missionId, [photo.hash])).toEqual([photo.hash]);

    // The next sync event resumes where the server stopped.
    await devtools.dispatchSync(link.url);
    await expect
      .poll(async () => (await member.missingPhotos(missionId, [photo.hash])).length, { timeout: 120_000 })
      .toBe(0);
    const resumedAt = patchOffsets[chunksBeforeCut] as number;
    console.log(
      `Cut in the chunk from ${cutChunkStart} B; resumed at ${resumedAt} B (${cutChunkStart + UPLOAD_CHUNK_BYTES - resumedAt} B of that chunk sent again at most); photo ${photo.bytes} B`,
    );
    expect(resumedAt).toBeGreaterThanOrEqual(cutChunkStart);
    expect(uploadCreations(server)).toBe(1);
    const dir = path.join(server.dataDir, 'photos', photo.hash.slice(0, 2));
    expect(fs.readdirSync(dir)).toEqual([photo.hash]);
    expect(
      createHash('sha256')
        .update(fs.readFileSync(path.join(dir, photo.hash)))
        .digest('hex'),
    ).toBe(photo.hash);
    await devtools.close();
    await context.close();
  });
});
