// How long an idle keep-alive connection stays open. Node closes one after 5 s by default, while
// a reverse proxy keeps its idle connections to us longer (Caddy: 2 min unless told otherwise;
// deploy/Caddyfile sets 60 s): a request the proxy sent on a connection we were closing at that
// moment failed with a 502, and a phone's push with it. The rule is that the server waits longer
// than any proxy or client in front, so it is never the one closing a connection in use.
import type { Server } from 'node:http';

/** Longer than deploy/Caddyfile's `keepalive 60s`. */
export const KEEP_ALIVE_MS = 75_000;

export function keepConnectionsAlive(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Headers of a request on a kept connection must be allowed at least as long (Node's rule).
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
}
