// Serves the built app from the same origin as the API. Hashed assets are cached for a year; the
// service worker and index.html never, so a new version is found on the next visit.

import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

export function mountStaticApp(app: Hono, distDir: string): void {
  const root = path.relative(process.cwd(), distDir) || '.';
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', async (c, next) => {
    await next();
    const p = c.req.path;
    if (p === '/sw.js' || p === '/' || p.endsWith('.html') || p.endsWith('.webmanifest')) {
      c.header('Cache-Control', 'no-cache');
    }
  });
  app.use('*', serveStatic({ root }));
  // Client-side routes: any other page path gets the app shell.
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    const index = path.join(distDir, 'index.html');
    if (!fs.existsSync(index)) return c.text('Application non construite : lancez npm run build.', 503);
    c.header('Cache-Control', 'no-cache');
    return c.html(fs.readFileSync(index, 'utf8'));
  });
}
