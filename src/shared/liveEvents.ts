// The live channel (GET /api/events): what the server sends and how often, shared by the server
// (src/server/live/) and the app (src/sync/liveChannel.ts). It only says "pull now": records still
// travel by the ordinary pull, with its checks.

/** A comment line this often keeps proxies (Caddy, carrier NATs) from closing a quiet stream. */
export const LIVE_HEARTBEAT_MS = 25_000;

/** With nothing at all heard for this long (no heartbeat), the app takes the stream as dead and reconnects. */
export const LIVE_SILENCE_MS = 2 * LIVE_HEARTBEAT_MS + 10_000;

/** Open streams one session may hold on one server process (a few tabs of one phone). */
export const LIVE_MAX_STREAMS_PER_SESSION = 4;

/** Sent once when the stream opens: from then on no change is missed. */
export const LIVE_EVENT_READY = 'ready';

/**
 * Something changed that this listener may read: data is `{"missionId": "…"}` (a mission the
 * listener belongs to) or `{}` (pull everything: membership changed, or the server lost track).
 */
export const LIVE_EVENT_CHANGE = 'change';
