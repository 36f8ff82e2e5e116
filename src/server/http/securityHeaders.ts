// Security headers on every answer (API, static files, the app shell, errors, tus): the browser
// runs only the app's own scripts, loads nothing from elsewhere, never frames the app, sends no
// Referer, and does not guess content types. HSTS only over HTTPS (browsers ignore it over HTTP,
// and sending it from a plain-HTTP LAN server would mean nothing).
import type { MiddlewareHandler } from 'hono';
import { cameOverHttps } from './clientRequest';

/**
 * script-src 'self': no inline script (index.html has none; the service worker is registered from
 * the bundle, vite-plugin-pwa `injectRegister: false`). blob: images are photo thumbnails
 * (URL.createObjectURL), data: images the PDF writer's embedded photos; blob: workers in case a
 * bundler inlines the report worker. React `style={{…}}` sets styles through the CSSOM, which CSP
 * does not restrict. style-src adds only the hashes of index.html's inline <style> (the static
 * shell painted before the JavaScript), never 'unsafe-inline'.
 */
export function contentSecurityPolicy(inlineStyleHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...inlineStyleHashes].join(' '),
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const HSTS = 'max-age=31536000; includeSubDomains';

const HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

export function securityHeaders(options: {
  trustProxy: boolean;
  /** The hashes of the served index.html's inline styles (see inlineStyleHashes.ts). */
  inlineStyleHashes?: () => string[];
}): MiddlewareHandler {
  // The policy is written again only when the served index.html's style hashes change, not per answer.
  let policy = { hashes: [] as readonly string[], text: contentSecurityPolicy() };
  const currentPolicy = () => {
    const hashes = options.inlineStyleHashes?.() ?? [];
    if (hashes !== policy.hashes) policy = { hashes, text: contentSecurityPolicy(hashes) };
    return policy.text;
  };
  return async (c, next) => {
    await next();
    const headers: Record<string, string> = {
      'Content-Security-Policy': currentPolicy(),
      ...HEADERS,
    };
    if (cameOverHttps(c, options.trustProxy)) headers['Strict-Transport-Security'] = HSTS;
    try {
      for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    } catch {
      // A response with immutable headers (one passed through from fetch): copy it once.
      c.res = new Response(c.res.body, c.res);
      for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    }
  };
}
