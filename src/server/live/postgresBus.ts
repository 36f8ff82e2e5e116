// Change signals between server processes sharing one PostgreSQL database: NOTIFY to publish (sent
// after the writing transaction committed, so a listener that pulls at once finds the change; the
// signals given while one NOTIFY statement is on its way go together in the next), and one
// dedicated connection per process that LISTENs. If that connection drops, it comes back with a
// growing delay, and every stream of this process is told to pull (signals sent meanwhile were lost).
import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import type pg from 'pg';
import type { Db } from '../db/database';
import type { LogSink } from '../log';
import { type ChangeBus, type ChangeSignal, parseSignal } from './changeBus';
import { singleFlightBatches } from './singleFlight';

export const CHANNEL = 'terrain_changes';
const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;

export async function postgresBus(db: Db, databaseUrl: string, log: LogSink = () => undefined) {
  const { default: pgModule } = await import('pg');
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = RECONNECT_MIN_MS;
  let retryTimer: NodeJS.Timeout | null = null;
  /** Connections ended on purpose: their 'end' event is no loss. */
  const closedByUs = new WeakSet<pg.Client>();

  async function connect(isReconnect: boolean): Promise<void> {
    const next = new pgModule.Client({ connectionString: databaseUrl });
    next.on('notification', (message) => {
      const signal = message.channel === CHANNEL && message.payload ? parseSignal(message.payload) : null;
      if (signal) emitter.emit('signal', signal);
    });
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      // At start the server refuses to run without its listener; later, it keeps trying.
      if (!isReconnect) {
        closedByUs.add(next);
        await next.end().catch(() => undefined);
        throw error;
      }
      lost(next);
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    retryMs = RECONNECT_MIN_MS;
    if (isReconnect) emitter.emit('signal', { kind: 'all' } satisfies ChangeSignal);
  }

  function lost(which: pg.Client) {
    if (closed || retryTimer || closedByUs.has(which)) return;
    if (client !== null && client !== which) return;
    client = null;
    which.end().catch(() => undefined);
    log({ msg: 'live-listener-lost', retryMs });
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect(true);
    }, retryMs);
    retryMs = Math.min(retryMs * 2, RECONNECT_MAX_MS);
  }

  await connect(false);

  // Identical payloads in one statement are one notification (PostgreSQL folds them in a transaction).
  const notify = singleFlightBatches<string>(async (payloads) => {
    await sql`select pg_notify(${CHANNEL}, payload) from unnest(${payloads}::text[]) as payload`.execute(db);
  });

  const bus: ChangeBus = {
    publish: (signal) => notify(JSON.stringify(signal)),
    subscribe(listener) {
      emitter.on('signal', listener);
      return () => emitter.off('signal', listener);
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      emitter.removeAllListeners();
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
  return bus;
}
