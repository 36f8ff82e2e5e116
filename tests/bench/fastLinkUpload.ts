// Upload bench on a good link: 30 photos of ~3 MB (a phone sending originals, or a camera's files)
// sent by a phone on 10/5 Mbit/s with 100 ms latency (CDP Network.emulateNetworkConditions). The
// floor is the payload (photo bytes and records as JSON) divided by the upload bandwidth; the
// requests are counted in the page. Run alone: `node --import tsx tests/bench/fastLinkUpload.ts`.
import type { BrowserContext, Page } from 'playwright-core';
import { LoginPage } from '../e2e/pages/LoginPage';
import { SyncStatusBar } from '../e2e/pages/SyncPages';
import { ADMIN_ENV, adminApiOf, createAccount, PASSWORD } from '../e2e/support/accounts';
import { launchBrowser, newPhoneContext, waitForServiceWorker } from '../e2e/support/browser';
import { startServer } from '../e2e/support/server';

export const FAST_LINK = { downKbitPerS: 10_000, upKbitPerS: 5_000, latencyMs: 100 };
export const FAST_LINK_PHOTOS = 30;
const PHOTO_BYTES = 3_000_000;
export const FAST_LINK_MAX_REQUESTS = 60;
export const FAST_LINK_MAX_FLOOR_RATIO = 1.05;

export interface FastLinkFigures {
  wallMs: number;
  floorMs: number;
  payloadBytes: number;
  requests: number;
  photoRequests: number;
}

async function emulate(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: FAST_LINK.latencyMs,
    downloadThroughput: (FAST_LINK.downKbitPerS * 1000) / 8,
    uploadThroughput: (FAST_LINK.upKbitPerS * 1000) / 8,
  });
}

/**
 * Writes into the phone's IndexedDB a mission, a commune, one note per photo and `photos` photos
 * of PHOTO_BYTES (a JPEG drawn in the page, padded with noise after its end marker, so every photo
 * is distinct and incompressible), with the outbox rows of the records, as src/db/mutations.ts does.
 */
async function seedPhotos(page: Page, photos: number) {
  await page.evaluate('globalThis.__name = (f) => f');
  return page.evaluate(
    async ({ photos, size }) => {
      const hex = (buffer: ArrayBuffer) =>
        Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
      const now = new Date().toISOString();
      const base = (id: string, missionId: string) => ({
        id,
        missionId,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      });
      const missionId = 'MISSIONFASTLINK1';
      const records: [string, Record<string, unknown>][] = [
        [
          'missions',
          {
            ...base(missionId, missionId),
            ...{ title: 'Mission bon réseau', project: 'Projet', startDate: '2024-07-22', endDate: '2024-07-26' },
            ...{ status: 'terrain', vehicles: [] },
          },
        ],
        [
          'communes',
          {
            ...base('COMMUNEFASTLINK1', missionId),
            ...{ name: 'Kéra', cercle: 'Cercle', region: 'Mopti', plannedDate: '', lat: null, lon: null },
          },
        ],
      ];
      const canvas = new OffscreenCanvas(1024, 768);
      const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      ctx.fillStyle = 'hsl(30, 40%, 60%)';
      ctx.fillRect(0, 0, 1024, 768);
      const jpeg = new Uint8Array(
        await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 })).arrayBuffer(),
      );
      const blobs: { hash: string; blob: Blob; thumb: Blob; uploaded: 0 }[] = [];
      let photoBytes = 0;
      for (let i = 0; i < photos; i++) {
        const bytes = new Uint8Array(size);
        bytes.set(jpeg);
        for (let at = jpeg.length; at < size; at += 65_536)
          crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65_536)));
        const blob = new Blob([bytes], { type: 'image/jpeg' });
        const hash = hex(await crypto.subtle.digest('SHA-256', bytes));
        photoBytes += size;
        blobs.push({ hash, blob, thumb: new Blob([jpeg], { type: 'image/jpeg' }), uploaded: 0 });
        const noteId = `NOTEFASTLINK${String(i).padStart(4, '0')}`;
        records.push([
          'visitNotes',
          {
            ...base(noteId, missionId),
            ...{ communeId: 'COMMUNEFASTLINK1', visitDate: '2024-07-23', authorIds: [], peopleMet: 'Le maire' },
            ...{ observations: 'Photos du forage.', difficulties: '', recommendations: '', achievements: [] },
            ...{ gps: null, state: 'brouillon' },
          },
        ]);
        records.push([
          'photos',
          {
            ...base(`PHOTOFASTLINK${String(i).padStart(4, '0')}`, missionId),
            ...{ noteId, hash, caption: 'Forage', mime: 'image/jpeg', width: 1024, height: 768, bytes: size },
            ...{ takenAt: null, exifLat: null, exifLon: null, forReport: true },
          },
        ]);
      }
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('terrain');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tables = ['missions', 'communes', 'visitNotes', 'photos', 'photoBlobs', 'outbox'];
      const tx = db.transaction(tables, 'readwrite');
      let recordBytes = 0;
      records.forEach(([table, record], n) => {
        tx.objectStore(table).put(record);
        recordBytes += new TextEncoder().encode(JSON.stringify(record)).length;
        tx.objectStore('outbox').put({
          ...{ mutationId: `FASTMUT${String(n).padStart(8, '0')}`, table, recordId: record.id, missionId },
          ...{ op: 'put', changes: record, baseVersion: 0, createdAt: now },
        });
      });
      for (const row of blobs) tx.objectStore('photoBlobs').put(row);
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return { recordBytes, photoBytes };
    },
    { photos, size: PHOTO_BYTES },
  );
}

export async function measureFastLinkUpload(): Promise<FastLinkFigures> {
  const server = await startServer({ env: ADMIN_ENV });
  const browser = await launchBrowser();
  try {
    const admin = await adminApiOf(server.url);
    const sender = await createAccount(admin, 'Agent Rapide', { email: 'rapide@exemple.test' });
    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await waitForServiceWorker(page);
    const seeded = await seedPhotos(page, FAST_LINK_PHOTOS);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await emulate(context, page);
    let requests = 0;
    let photoRequests = 0;
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/')) requests += 1;
      if (path.startsWith('/api/photos/uploads')) photoRequests += 1;
    });
    const started = performance.now();
    await new LoginPage(page).open(server.url);
    await new LoginPage(page).logIn(sender.email, PASSWORD);
    await new SyncStatusBar(page).waitAllSent(20 * 60_000);
    const wallMs = performance.now() - started;
    await context.close();
    const payloadBytes = seeded.recordBytes + seeded.photoBytes;
    return {
      wallMs,
      floorMs: (payloadBytes * 8 * 1000) / (FAST_LINK.upKbitPerS * 1000),
      payloadBytes,
      requests,
      photoRequests,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** The bench table's lines: [name, value, target, within target]. */
export function fastLinkLines(f: FastLinkFigures): [string, string, string, boolean][] {
  const link = `${FAST_LINK.downKbitPerS / 1000}/${FAST_LINK.upKbitPerS / 1000} Mbit/s, ${FAST_LINK.latencyMs} ms`;
  const ratio = f.wallMs / f.floorMs;
  return [
    [
      `upload (${link}): ${FAST_LINK_PHOTOS} photos of ~3 MB`,
      `${(f.wallMs / 1000).toFixed(1)} s (${ratio.toFixed(2)}x)`,
      `<= ${FAST_LINK_MAX_FLOOR_RATIO} x floor ${(f.floorMs / 1000).toFixed(1)} s`,
      ratio <= FAST_LINK_MAX_FLOOR_RATIO,
    ],
    [
      `  HTTP requests (${f.photoRequests} tus)`,
      String(f.requests),
      `<= ${FAST_LINK_MAX_REQUESTS}`,
      f.requests <= FAST_LINK_MAX_REQUESTS,
    ],
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [name, value, target, ok] of fastLinkLines(await measureFastLinkUpload())) {
    console.log(`${ok ? 'OK  ' : 'OVER'}  ${name.padEnd(52)} ${value.padStart(14)}   (target ${target})`);
  }
}
