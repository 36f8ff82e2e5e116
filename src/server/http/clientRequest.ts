// Who is on the other end of a request, as far as the server can trust it: the client address and
// whether the request came over HTTPS. Behind a reverse proxy (TRUST_PROXY=1) the proxy's own
// headers say it; otherwise those headers are ignored, since any client can send them.
import { isIP } from 'node:net';
import type { Context } from 'hono';

/** What @hono/node-server puts in c.env; absent when the app is driven with app.request() in tests. */
interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string; encrypted?: boolean } };
}

export const UNKNOWN_ADDRESS = 'unknown';

function socketOf(c: Context) {
  return (c.env as NodeBindings | undefined)?.incoming?.socket;
}

/** The last entry of a comma-separated proxy header: the one our own proxy added. */
function lastHop(header: string | undefined): string | undefined {
  const last = header?.split(',').pop()?.trim();
  return last || undefined;
}

/**
 * The client's address: X-Forwarded-For's last hop when a trusted proxy is in front, else the
 * socket's peer. IPv4-mapped IPv6 addresses are written as IPv4.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? lastHop(c.req.header('x-forwarded-for')) : undefined;
  const raw = forwarded && isIP(forwarded) ? forwarded : socketOf(c)?.remoteAddress;
  if (!raw || !isIP(raw)) return UNKNOWN_ADDRESS;
  return raw.startsWith('::ffff:') && isIP(raw.slice(7)) === 4 ? raw.slice(7) : raw.toLowerCase();
}

/** Whether the request reached us (or our trusted proxy) over HTTPS. */
export function cameOverHttps(c: Context, trustProxy: boolean): boolean {
  if (trustProxy && lastHop(c.req.header('x-forwarded-proto'))?.toLowerCase() === 'https') return true;
  const socket = socketOf(c);
  // Through @hono/node-server the socket says it; the URL's scheme could come from the request line.
  if (socket) return socket.encrypted === true;
  return new URL(c.req.url).protocol === 'https:';
}
