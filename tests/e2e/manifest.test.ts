import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './support/server';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

describe('the web app manifest', () => {
  it('is linked from the page and describes an installable French app', async () => {
    const html = await (await fetch(server.url)).text();
    const href = /<link rel="manifest" href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBeTruthy();
    const res = await fetch(new URL(href!, server.url));
    expect(res.status).toBe(200);
    const manifest = await res.json();
    expect(manifest.name).toMatch(/Terrain/);
    expect(manifest.short_name).toBe('Terrain');
    expect(manifest.lang).toBe('fr');
    expect(manifest.display).toBe('standalone');
    expect(manifest.start_url).toBe('/');
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    for (const size of ['192x192', '512x512']) {
      const icons = manifest.icons.filter((i: { sizes: string }) => i.sizes === size);
      expect(icons.map((i: { purpose: string }) => i.purpose).sort()).toEqual(['any', 'maskable']);
      const icon = await fetch(new URL(icons[0].src, server.url));
      expect(icon.headers.get('content-type')).toBe('image/png');
      const bytes = new Uint8Array(await icon.arrayBuffer());
      const view = new DataView(bytes.buffer);
      expect([view.getUint32(16), view.getUint32(20)]).toEqual(size.split('x').map(Number));
    }
  });

  it('serves the service worker without caching it, and the health check', async () => {
    const sw = await fetch(`${server.url}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', protocolVersion: 1 });
  });

  it('answers an unknown API path with a JSON error, not the app', async () => {
    const res = await fetch(`${server.url}/api/nothing-here`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not-found');
  });
});
