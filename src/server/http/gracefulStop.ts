// Stopping without losing work (SIGTERM from systemd, Ctrl-C): no new connection is accepted, a new
// request on a connection already open is answered 503 `server-busy` (the app retries later), and the
// requests already running — pushes, photo chunks arriving slowly over 2G — get up to STOP_GRACE_MS to
// finish. What is still running then is cut: a push is one transaction (nothing half-written, the
// phone sends it again), and a cut photo chunk leaves the bytes received on disk, where the upload
// resumes (tus HEAD gives that offset). Then the database is closed. Live streams (GET /api/events)
// never finish by themselves: they are ended at once, and the apps reconnect to the next server.
import type { Server } from 'node:http';
import { errorBody } from '../errors';
import type { LogSink } from '../log';

export const STOP_GRACE_MS = 10_000;
/** After cutting connections, how long the handlers get to store what they had received. */
const AFTER_CUT_MS = 2_000;

type Fetch = (request: Request, ...rest: never[]) => Response | Promise<Response>;

export interface StopGate<F extends Fetch> {
  /** The app's fetch, counting running requests and refusing new ones once stopping. */
  fetch: F;
  /** Stops as described above; resolves once the database is closed. */
  stop(
    server: Server,
    closeDatabase: () => Promise<void>,
    closeStreams?: () => Promise<void>,
  ): Promise<'finished' | 'cut'>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function stopGate<F extends Fetch>(appFetch: F, log: LogSink, graceMs = STOP_GRACE_MS): StopGate<F> {
  let stopping = false;
  let running = 0;

  const fetch = (async (request: Request, ...rest: never[]) => {
    if (stopping) {
      return new Response(JSON.stringify(errorBody('server-busy')), {
        status: 503,
        headers: { 'content-type': 'application/json', 'retry-after': '10', connection: 'close' },
      });
    }
    running++;
    try {
      return await appFetch(request, ...rest);
    } finally {
      running--;
    }
  }) as F;

  async function untilIdle(deadline: number) {
    while (running > 0 && Date.now() < deadline) await sleep(50);
  }

  async function stop(
    server: Server,
    closeDatabase: () => Promise<void>,
    closeStreams: () => Promise<void> = async () => undefined,
  ): Promise<'finished' | 'cut'> {
    stopping = true;
    const started = Date.now();
    log({ msg: 'stopping', running });
    // After `stopping`: a stream ended now cannot be opened again here (503), and its connection,
    // idle once the stream's last byte is sent, is closed below like any idle one.
    await closeStreams().catch((error) => log({ msg: 'live-close-failed', error: String(error) }));
    const closed = new Promise<'finished'>((resolve) => server.close(() => resolve('finished')));
    // A keep-alive connection left idle would hold close() open until its timeout: close each one as
    // soon as its last answer has gone.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    server.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'cut'>((resolve) => {
      timer = setTimeout(() => resolve('cut'), graceMs);
    });
    const outcome = await Promise.race([closed, deadline]);
    clearTimeout(timer);
    clearInterval(idle);
    if (outcome === 'cut') {
      log({ msg: 'stop-deadline', running, graceMs });
      server.closeAllConnections();
      await untilIdle(Date.now() + AFTER_CUT_MS);
    }
    await closeDatabase();
    log({ msg: 'stopped', outcome, ms: Date.now() - started });
    return outcome;
  }

  return { fetch, stop };
}
