// Every text file the service worker precaches (and sw.js, its workbox runtime, the app shell of a
// client route) is sent compressed when the browser accepts it — brotli first, then gzip — and is
// byte for byte the built file once decompressed. Raw HTTP (node:http), so nothing decompresses
// on the way: what is checked is what goes on the wire.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPRESSIBLE_FILE } from '../../src/server/precompressed';
import { type RunningServer, startServer } from './support/server';

const DIST = path.resolve(process.env.DIST_DIR ?? 'dist');
let server: RunningServer;

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function rawRequest(url: string, headers: Record<string, string>, method = 'GET'): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The URLs of workbox's precache manifest, as injected (JSON) into dist/sw.js by vite-plugin-pwa. */
function precachedUrls(): string[] {
  const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/"?url"?:"([^"]+)"/g)].map((m) => m[1] as string);
  return [...new Set(urls)];
}

const decoders = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync } as const;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('compressed static files', () => {
  it('serves every precached text file, sw.js and the workbox runtime as brotli or gzip, identical once decompressed', async () => {
    const precached = precachedUrls();
    expect(precached.length).toBeGreaterThan(20);
    const workbox = fs.readdirSync(DIST).filter((f) => /^workbox-.*\.js$/.test(f));
    const textFiles = [...precached, 'sw.js', ...workbox].filter((url) => COMPRESSIBLE_FILE.test(url));
    expect(textFiles).toContain('index.html');
    expect(textFiles.some((url) => url.startsWith('assets/') && url.endsWith('.css'))).toBe(true);
    for (const url of textFiles) {
      const original = fs.readFileSync(path.join(DIST, url));
      for (const encoding of ['br', 'gzip'] as const) {
        const answer = await rawRequest(`${server.url}/${url}`, { 'Accept-Encoding': encoding });
        expect(answer.status, url).toBe(200);
        expect(answer.headers['content-encoding'], `${url} ${encoding}`).toBe(encoding);
        expect(answer.headers.vary, url).toBe('Accept-Encoding');
        expect(Number(answer.headers['content-length']), url).toBe(answer.body.length);
        expect(answer.body.length, `${url} ${encoding} is smaller`).toBeLessThan(original.length + 32);
        expect(decoders[encoding](answer.body).equals(original), `${url} ${encoding} decompressed`).toBe(true);
      }
    }
  });

  it('prefers brotli, falls back to gzip, sends the file as it is when nothing is accepted', async () => {
    const js = 'sw.js';
    const original = fs.readFileSync(path.join(DIST, js));
    const both = await rawRequest(`${server.url}/${js}`, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(both.headers['content-encoding']).toBe('br');
    const noBrotli = await rawRequest(`${server.url}/${js}`, { 'Accept-Encoding': 'gzip, br;q=0' });
    expect(noBrotli.headers['content-encoding']).toBe('gzip');
    const identity = await rawRequest(`${server.url}/${js}`, {});
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.headers.vary).toBe('Accept-Encoding');
    expect(identity.body.equals(original)).toBe(true);
    expect(identity.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('keeps Content-Type and Cache-Control, answers HEAD, and compresses the app shell of a client route', async () => {
    const accept = { 'Accept-Encoding': 'br, gzip' };
    const asset = precachedUrls().find((url) => url.startsWith('assets/') && url.endsWith('.js')) as string;
    const hashed = await rawRequest(`${server.url}/${asset}`, accept);
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(hashed.headers['content-type']).toMatch(/^text\/javascript/);
    for (const url of ['/sw.js', '/index.html', '/', '/manifest.webmanifest']) {
      const answer = await rawRequest(`${server.url}${url}`, accept);
      expect(answer.headers['cache-control'], url).toBe('no-cache');
      expect(answer.headers['content-encoding'], url).toBe('br');
    }
    const manifest = await rawRequest(`${server.url}/manifest.webmanifest`, accept);
    expect(manifest.headers['content-type']).toBe('application/manifest+json');

    const head = await rawRequest(`${server.url}/${asset}`, accept, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.headers['content-length']).toBe(hashed.headers['content-length']);

    const route = await rawRequest(`${server.url}/missions/01HZXDEMO0000000000000000`, accept);
    expect(route.status).toBe(200);
    expect(route.headers['content-encoding']).toBe('br');
    expect(route.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(route.headers['cache-control']).toBe('no-cache');
    const shell = fs.readFileSync(path.join(DIST, 'index.html'));
    expect(zlib.brotliDecompressSync(route.body).equals(shell)).toBe(true);

    // Images are already compressed: sent as they are. API answers keep their own encoding.
    const icon = await rawRequest(`${server.url}/icons/icon-192.png`, accept);
    expect(icon.headers['content-encoding']).toBeUndefined();
    expect(icon.headers['content-type']).toBe('image/png');
    const health = await rawRequest(`${server.url}/api/health`, accept);
    expect(health.headers['content-type']).toMatch(/^application\/json/);
    expect(health.headers['content-encoding']).not.toBe('br');
  });
});
