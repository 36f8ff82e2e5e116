// Serves the built app from the same origin as the API. Hashed assets are cached for a year; the
// service worker, the manifest and index.html never, so a new version is found on the next visit.
// Text files go out as the build's brotli or gzip copy when the browser accepts one (a first
// install over 3G is mostly JavaScript); images go out as they are.

import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { COMPRESSIBLE_FILE, chooseEncoding } from './precompressed';

/** The file of `distDir` a request path names, or undefined (outside dist, a folder, missing). */
function builtFile(distDir: string, requestPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath === '/' ? '/index.html' : requestPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /(?:^|\/)\.\.?(?:\/|$)/.test(decoded)) return undefined;
  const file = path.join(distDir, decoded);
  if (!file.startsWith(distDir + path.sep)) return undefined;
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ? file : undefined;
}

/** A text file, as its precompressed copy when the request accepts one. HEAD gets the headers only. */
async function sendTextFile(c: Context, file: string): Promise<Response> {
  const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
  const variant = encoding && fs.existsSync(file + encoding.suffix) ? file + encoding.suffix : undefined;
  const body = await fs.promises.readFile(variant ?? file);
  c.header('Content-Type', getMimeType(file) ?? 'application/octet-stream');
  if (variant && encoding) c.header('Content-Encoding', encoding.encoding);
  // Always, compressed or not: a cache between must not hand one client's encoding to another.
  c.header('Vary', 'Accept-Encoding');
  c.header('Content-Length', String(body.length));
  if (c.req.method === 'HEAD') return c.body(null, 200);
  return c.body(new Uint8Array(body), 200);
}

export function mountStaticApp(app: Hono, distDir: string): void {
  const dist = path.resolve(distDir);
  const root = path.relative(process.cwd(), dist) || '.';
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
  app.use('*', async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.req.path.startsWith('/api/')) return next();
    const file = builtFile(dist, c.req.path);
    if (!file || !COMPRESSIBLE_FILE.test(file)) return next();
    return sendTextFile(c, file);
  });
  // Images and anything else: as they are.
  app.use('*', serveStatic({ root }));
  // Client-side routes: any other page path gets the app shell.
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    const index = path.join(dist, 'index.html');
    if (!fs.existsSync(index)) return c.text('Application non construite : lancez npm run build.', 503);
    c.header('Cache-Control', 'no-cache');
    return sendTextFile(c, index);
  });
}
