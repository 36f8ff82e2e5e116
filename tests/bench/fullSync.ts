// Full-sync bench: 1,000 visit notes and 100 photos over an emulated 3G link (Chrome DevTools
// Protocol Network.emulateNetworkConditions, the "Regular 3G" preset: 750 kbit/s down, 250 kbit/s
// up, 100 ms latency). Phone A holds them, written offline, and sends them all; phone B, a new
// member, receives them all. Bytes on the wire are counted by a TCP proxy between Chromium and the
// server (HTTP headers included); requests are counted in the page. The floor is the payload
// (records as JSON, photo bytes) divided by the link's bandwidth in the direction that carries it.
import net from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { LoginPage } from '../e2e/pages/LoginPage';
import { SyncStatusBar } from '../e2e/pages/SyncPages';
import { ADMIN_ENV, adminApiOf, createAccount, PASSWORD } from '../e2e/support/accounts';
import { launchBrowser, newPhoneContext, waitForServiceWorker } from '../e2e/support/browser';
import { startServer } from '../e2e/support/server';

export const LINK = { downKbitPerS: 750, upKbitPerS: 250, latencyMs: 100 };
export const NOTES = 1000;
export const PHOTOS = 100;

export interface FullSyncFigures {
  direction: 'send' | 'receive';
  wallMs: number;
  bytesUp: number;
  bytesDown: number;
  requests: number;
  payloadBytes: number;
  floorMs: number;
  photoBytesAverage: number;
}

/** A TCP relay that counts the bytes each way: what really crosses the (emulated) link. */
async function countingProxy(targetPort: number) {
  const counts = { up: 0, down: 0 };
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    client.on('data', (d) => {
      counts.up += d.length;
    });
    upstream.on('data', (d) => {
      counts.down += d.length;
    });
    client.pipe(upstream).on('error', () => client.destroy());
    upstream.pipe(client).on('error', () => upstream.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    reset() {
      counts.up = 0;
      counts.down = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function emulate3g(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LINK.latencyMs,
    downloadThroughput: (LINK.downKbitPerS * 1000) / 8,
    uploadThroughput: (LINK.upKbitPerS * 1000) / 8,
  });
}

function countApiRequests(page: Page): () => number {
  let n = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) n += 1;
  });
  return () => n;
}

async function phone(browser: import('playwright-core').Browser, url: string) {
  const context = await newPhoneContext(browser);
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await waitForServiceWorker(page);
  return { context, page };
}

async function countStored(page: Page): Promise<{ notes: number; blobs: number }> {
  return page.evaluate(
    () =>
      new Promise<{ notes: number; blobs: number }>((resolve) => {
        const open = indexedDB.open('terrain');
        open.onsuccess = () => {
          const tx = open.result.transaction(['visitNotes', 'photoBlobs']);
          const notes = tx.objectStore('visitNotes').count();
          const blobs = tx.objectStore('photoBlobs').count();
          tx.oncomplete = () => {
            open.result.close();
            resolve({ notes: notes.result, blobs: blobs.result });
          };
        };
      }),
  );
}

/**
 * Writes into phone A's IndexedDB what a week offline leaves: a mission, a commune, `notes` visit
 * notes of about 1 KB of varied French text, `photos` photos (JPEG drawn in the page, 1024 x 768)
 * and the outbox row of every record, as src/db/mutations.ts writes them.
 */
async function seedOfflineWork(page: Page, notes: number, photos: number) {
  // tsx keeps function names with a `__name` helper the page does not have.
  await page.evaluate('globalThis.__name = (f) => f');
  return page.evaluate(
    async ({ notes, photos }) => {
      let seed = 42;
      const random = () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed / 0x7fffffff;
      };
      const words = (
        'le la les un une des forage puits école centre santé femmes jeunes comité gestion village ' +
        'commune maire conseil réunion budget activité réalisée prévue retard pluie piste marché ' +
        'semences engrais formation latrines pompe réparation clôture jardin maraîcher coopérative'
      ).split(' ');
      const sentence = (n: number) =>
        Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ');
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
      const missionId = 'MISSIONBENCH0001';
      const records: [string, Record<string, unknown>][] = [
        [
          'missions',
          {
            ...base(missionId, missionId),
            title: 'Mission de mesure',
            project: 'Projet',
            startDate: '2024-07-22',
            endDate: '2024-07-26',
            status: 'terrain',
            vehicles: [],
          },
        ],
        [
          'communes',
          {
            ...base('COMMUNEBENCH0001', missionId),
            name: 'Kéra',
            cercle: 'Cercle',
            region: 'Mopti',
            plannedDate: '',
            lat: null,
            lon: null,
          },
        ],
      ];
      for (let i = 0; i < notes; i++) {
        records.push([
          'visitNotes',
          {
            ...base(`NOTEBENCH${String(i).padStart(6, '0')}`, missionId),
            communeId: 'COMMUNEBENCH0001',
            visitDate: '2024-07-23',
            authorIds: [],
            peopleMet: sentence(12),
            observations: sentence(60),
            difficulties: sentence(30),
            recommendations: sentence(30),
            achievements: [],
            gps: null,
            state: 'brouillon',
          },
        ]);
      }
      const blobs: { hash: string; blob: Blob; thumb: Blob; uploaded: 0 }[] = [];
      let photoBytes = 0;
      for (let i = 0; i < photos; i++) {
        const canvas = new OffscreenCanvas(1024, 768);
        const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
        ctx.fillStyle = `hsl(${i * 37}, 40%, 60%)`;
        ctx.fillRect(0, 0, 1024, 768);
        for (let k = 0; k < 300; k++) {
          ctx.fillStyle = `hsla(${Math.floor(random() * 360)}, 45%, ${30 + random() * 40}%, 0.6)`;
          ctx.beginPath();
          ctx.arc(random() * 1024, random() * 768, 4 + random() * 40, 0, Math.PI * 2);
          ctx.fill();
        }
        const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
        const hash = hex(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
        photoBytes += blob.size;
        blobs.push({ hash, blob, thumb: blob, uploaded: 0 });
        records.push([
          'photos',
          {
            ...base(`PHOTOBENCH${String(i).padStart(6, '0')}`, missionId),
            noteId: `NOTEBENCH${String(i).padStart(6, '0')}`,
            hash,
            caption: sentence(5),
            mime: 'image/jpeg',
            width: 1024,
            height: 768,
            bytes: blob.size,
            takenAt: null,
            exifLat: null,
            exifLon: null,
            forReport: true,
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
        const json = JSON.stringify(record);
        recordBytes += new TextEncoder().encode(json).length;
        tx.objectStore('outbox').put({
          mutationId: `BENCHMUT${String(n).padStart(8, '0')}`,
          table,
          recordId: record.id,
          missionId,
          op: 'put',
          changes: record,
          baseVersion: 0,
          createdAt: now,
        });
      });
      for (const row of blobs) tx.objectStore('photoBlobs').put(row);
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return { missionId, recordBytes, photoBytes };
    },
    { notes, photos },
  );
}

export async function measureFullSync(): Promise<FullSyncFigures[]> {
  const server = await startServer({ env: ADMIN_ENV });
  const proxy = await countingProxy(server.port);
  const browser = await launchBrowser();
  try {
    const admin = await adminApiOf(server.url);
    const sender = await createAccount(admin, 'Agent A', { email: 'a@exemple.test' });
    const receiver = await createAccount(admin, 'Agent B', { email: 'b@exemple.test' });

    // Phone A: the work of a week offline, then a login on 3G sends it all.
    const a = await phone(browser, proxy.url);
    const seeded = await seedOfflineWork(a.page, NOTES, PHOTOS);
    await a.page.reload();
    await a.page.getByRole('heading', { level: 1 }).waitFor();
    await emulate3g(a.context, a.page);
    const aRequests = countApiRequests(a.page);
    proxy.reset();
    const aStarted = performance.now();
    await new LoginPage(a.page).open(proxy.url);
    await new LoginPage(a.page).logIn(sender.email, PASSWORD);
    await new SyncStatusBar(a.page).waitAllSent(30 * 60_000);
    const send: FullSyncFigures = {
      direction: 'send',
      wallMs: performance.now() - aStarted,
      bytesUp: proxy.counts.up,
      bytesDown: proxy.counts.down,
      requests: aRequests(),
      payloadBytes: seeded.recordBytes + seeded.photoBytes,
      floorMs: ((seeded.recordBytes + seeded.photoBytes) * 8 * 1000) / (LINK.upKbitPerS * 1000),
      photoBytesAverage: seeded.photoBytes / PHOTOS,
    };
    await a.context.close();
    await admin.addMember(seeded.missionId, receiver.id);

    // Phone B: a new member's first sync receives everything.
    const b = await phone(browser, proxy.url);
    await emulate3g(b.context, b.page);
    const bRequests = countApiRequests(b.page);
    proxy.reset();
    const bStarted = performance.now();
    await new LoginPage(b.page).open(proxy.url);
    await new LoginPage(b.page).logIn(receiver.email, PASSWORD);
    for (;;) {
      const stored = await countStored(b.page);
      if (stored.notes >= NOTES && stored.blobs >= PHOTOS) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const receive: FullSyncFigures = {
      direction: 'receive',
      wallMs: performance.now() - bStarted,
      bytesUp: proxy.counts.up,
      bytesDown: proxy.counts.down,
      requests: bRequests(),
      payloadBytes: seeded.recordBytes + seeded.photoBytes,
      floorMs: ((seeded.recordBytes + seeded.photoBytes) * 8 * 1000) / (LINK.downKbitPerS * 1000),
      photoBytesAverage: seeded.photoBytes / PHOTOS,
    };
    await b.context.close();
    return [send, receive];
  } finally {
    await browser.close();
    await proxy.close();
    await server.stop();
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(0)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** The bench table's lines: [name, value, target, within target]. Wall time may be at most 1.5 x the floor. */
export function fullSyncLines(figures: FullSyncFigures[]): [string, string, string, boolean][] {
  const link = `3G ${LINK.downKbitPerS}/${LINK.upKbitPerS} kbit/s, ${LINK.latencyMs} ms`;
  return figures.flatMap((f) => {
    const what = `${f.direction === 'send' ? 'send' : 'receive'} ${NOTES} notes + ${PHOTOS} photos`;
    return [
      [
        `sync (${link}): ${what}`,
        seconds(f.wallMs),
        `<= 1.5 x floor ${seconds(f.floorMs)}`,
        f.wallMs <= 1.5 * f.floorMs,
      ],
      [
        `  payload ${mb(f.payloadBytes)} (photos ~${(f.photoBytesAverage / 1024).toFixed(0)} KB); wire up / down`,
        `${mb(f.bytesUp)} / ${mb(f.bytesDown)}`,
        'informative',
        true,
      ],
      ['  HTTP requests', String(f.requests), 'informative', true],
    ] as [string, string, string, boolean][];
  });
}
