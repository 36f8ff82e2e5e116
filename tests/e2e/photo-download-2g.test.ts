// Photos arriving on a fresh phone over emulated 2G (Chrome DevTools Protocol
// Network.emulateNetworkConditions: 250 kbit/s down, 100 kbit/s up, 400 ms): three photos of
// ~0.75 MB and one of 2 MB, sent beforehand by another member through the API, all arrive with
// their SHA-256 checked; and the link cut in the middle of a download resumes with `Range`.
// Chromium's emulation reads the socket at full speed and hands bytes to the page at the emulated
// rate, so a cut there would not cut a download: the cut happens in a TCP relay between Chromium
// and the server that also carries the bytes down at 250 kbit/s (the link, as a real 2G one would).
// The relay counts the bytes that crossed it (HTTP headers included).
import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/shared/constants';
import type { User } from '../../src/shared/protocol';
import { createSyncApi } from '../../src/sync/api';
import type { HttpClient } from '../../src/sync/http';
import { aCommune, aMission, aPhoto, aVisitNote } from '../fixtures/builders';
import { createMutation } from '../fixtures/mutations';
import { LoginPage } from './pages/LoginPage';
import { ADMIN_ENV, adminApiOf, apiClientAs, createAccount, freshEmail, PASSWORD } from './support/accounts';
import { launchBrowser, newPhoneContext, waitForServiceWorker } from './support/browser';
import { drawJpegs } from './support/jpeg';
import { type RunningServer, startServer } from './support/server';

const LINK_2G = { offline: false, latency: 400, downloadThroughput: 250_000 / 8, uploadThroughput: 100_000 / 8 };
const SIZES = [750_000, 750_000, 750_000, 2_000_000];

let server: RunningServer;
let browser: Browser;
let relay: Awaited<ReturnType<typeof pacedRelay>>;

/**
 * A TCP relay that carries bytes down at `bytesPerSecond` once paced (shared by every connection, like one
 * radio link), counts them, and can drop every connection at once.
 */
async function pacedRelay(targetPort: number, bytesPerSecond: number) {
  const counts = { down: 0 };
  const sockets = new Set<net.Socket>();
  /** Bytes waiting for the link, in order; `end`: the server closed, close the phone's side after. */
  const queue: { to: net.Socket; from: net.Socket; bytes: Buffer; end?: boolean }[] = [];
  const TICK_MS = 20;
  let paced = false;
  const pump = setInterval(() => {
    let budget = paced ? (bytesPerSecond * TICK_MS) / 1000 : Number.POSITIVE_INFINITY;
    while (budget > 0 && queue.length > 0) {
      const head = queue[0];
      if (head.to.destroyed) {
        queue.shift();
        continue;
      }
      if (head.end) {
        head.to.end();
        queue.shift();
        continue;
      }
      const part = head.bytes.subarray(0, Math.min(head.bytes.length, Math.floor(budget)));
      head.to.write(part);
      counts.down += part.length;
      budget -= part.length;
      head.bytes = head.bytes.subarray(part.length);
      if (head.bytes.length > 0) break;
      queue.shift();
      // The server is held back while its bytes wait (as TCP would), so a cut loses little.
      if (!queue.some((q) => q.from === head.from)) head.from.resume();
    }
  }, TICK_MS);
  const proxy = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('data', (d) => upstream.write(d));
    upstream.on('data', (bytes: Buffer) => {
      queue.push({ to: client, from: upstream, bytes });
      upstream.pause();
    });
    upstream.on('end', () => queue.push({ to: client, from: upstream, bytes: Buffer.alloc(0), end: true }));
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    /** From now on the bytes go down at the link's rate (before: at full speed, to install the app). */
    pace: () => {
      paced = true;
    },
    cutEverything: () => {
      for (const socket of sockets) socket.destroy();
    },
    close: () => {
      clearInterval(pump);
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}

/** A real JPEG (drawn by Chromium), padded after its end marker to `size` bytes of noise. */
async function photosOf(page: Page): Promise<Buffer[]> {
  const [base] = await drawJpegs(page, 640, 480, 1, 0.8);
  return SIZES.map((size) => Buffer.concat([base, randomBytes(size - base.length)]));
}

/** Member Awa sends a note with the photos through the API (records, then tus creation-with-upload). */
async function awaSends(client: HttpClient, photos: Buffer[]) {
  const mission = aMission({ title: 'Mission sur 2G' });
  const commune = aCommune(mission.id, { name: 'Kéniéba' });
  const note = aVisitNote(mission.id, commune.id);
  const hashes = photos.map((bytes) => createHash('sha256').update(bytes).digest('hex'));
  const api = createSyncApi(client);
  await api.push({
    protocolVersion: PROTOCOL_VERSION,
    clientId: 'appareil-awa',
    mutations: [
      createMutation('missions', mission),
      createMutation('communes', commune),
      createMutation('visitNotes', note),
      ...photos.map((bytes, i) =>
        createMutation('photos', aPhoto(mission.id, note.id, { hash: hashes[i], bytes: bytes.length })),
      ),
    ],
  });
  const token = await client.token();
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  for (const [i, bytes] of photos.entries()) {
    const res = await fetch(`${client.baseUrl}/api/photos/uploads/`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'tus-resumable': '1.0.0',
        'upload-length': String(bytes.length),
        'upload-metadata': `hash ${b64(hashes[i])},missionId ${b64(mission.id)},filetype ${b64('image/jpeg')}`,
        'content-type': 'application/offset+octet-stream',
      },
      body: new Uint8Array(bytes),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('upload-offset')).toBe(String(bytes.length));
  }
  const missing = await api.missingPhotos(mission.id, hashes);
  expect(missing).toEqual([]);
  return { mission, hashes };
}

/** SHA-256 of every photo stored on the phone (the app's IndexedDB, read as it is). */
function storedPhotoHashes(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('terrain');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const rows = await new Promise<{ blob: Blob }[]>((resolve, reject) => {
      const request = db.transaction('photoBlobs').objectStore('photoBlobs').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    const hex = (buffer: ArrayBuffer) =>
      Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
    return Promise.all(
      rows.map(async (row) => hex(await crypto.subtle.digest('SHA-256', await row.blob.arrayBuffer()))),
    );
  });
}

beforeAll(async () => {
  server = await startServer({ env: ADMIN_ENV });
  relay = await pacedRelay(server.port, LINK_2G.downloadThroughput);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await relay?.close();
  await server?.stop();
});

describe('photo download on 2G', () => {
  it('brings 3 photos of 0.75 MB and one of 2 MB to a fresh phone, a cut download resuming with Range', async () => {
    const admin = await adminApiOf(server.url);
    const awaEmail = freshEmail('awa');
    const ibrahimEmail = freshEmail('ibrahim');
    const awa: User = await createAccount(admin, 'Awa Exemple', { email: awaEmail });
    const ibrahim: User = await createAccount(admin, 'Ibrahim Exemple', { email: ibrahimEmail });

    const context = await newPhoneContext(browser);
    const page = await context.newPage();
    const photos = await photosOf(page);
    const payload = photos.reduce((sum, p) => sum + p.length, 0);
    const { mission, hashes } = await awaSends(await apiClientAs(server.url, awaEmail, PASSWORD), photos);
    expect(awa.id).not.toBe(ibrahim.id);
    await admin.addMember(mission.id, ibrahim.id);

    // Ibrahim's fresh phone: the app installed (service worker and its precache) before the link
    // turns to 2G, then the login, the pull and the photos over 2G.
    // The app installed (service worker and its precache) at full speed, then the link turns to 2G
    // for the login, the pull and the photos.
    const login = new LoginPage(page);
    await login.open(relay.url);
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', LINK_2G);
    const isPhoto = (url: string) => /^\/api\/photos\/[0-9a-f]{64}$/.test(new URL(url).pathname);
    const photoRequests = new Map<string, { range: string; failed: boolean }>();
    cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
      if (isPhoto(request.url))
        photoRequests.set(requestId, { range: request.headers.Range ?? 'whole', failed: false });
    });
    cdp.on('Network.loadingFailed', ({ requestId }) => {
      const entry = photoRequests.get(requestId);
      if (entry) entry.failed = true;
    });

    relay.pace();
    const downBefore = relay.counts.down;
    const started = Date.now();
    await login.logInAndWait(ibrahimEmail, PASSWORD);

    // The link drops once 300 KB have come down (in the first photo, after the small pull).
    await expect
      .poll(() => relay.counts.down - downBefore, { timeout: 90_000, interval: 100 })
      .toBeGreaterThan(300_000);
    relay.cutEverything();

    await expect
      .poll(async () => (await storedPhotoHashes(page)).sort(), { timeout: 220_000, interval: 1_000 })
      .toEqual([...hashes].sort());
    const seconds = (Date.now() - started) / 1000;
    const floor = (payload * 8) / 250_000;
    const down = relay.counts.down - downBefore;
    const requests = [...photoRequests.values()];
    console.info(
      `2G photo pull: ${(payload / 1e6).toFixed(2)} MB of photos in ${seconds.toFixed(0)} s ` +
        `(floor ${floor.toFixed(0)} s, ${(seconds / floor).toFixed(2)}×), ${(down / 1e6).toFixed(3)} MB down ` +
        `(${(down / payload).toFixed(3)}× payload, headers and pull included), photo requests: ` +
        requests.map((r) => `${r.range}${r.failed ? ' (cut)' : ''}`).join(', '),
    );
    expect(requests.some((r) => r.failed)).toBe(true);
    expect(requests.some((r) => /^bytes=[1-9][0-9]*-$/.test(r.range) && !r.failed)).toBe(true);
    expect(down).toBeLessThanOrEqual(1.1 * payload);
    await context.close();
  }, 300_000);
});
