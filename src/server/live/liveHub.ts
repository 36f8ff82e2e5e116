// The open live streams of this server process (GET /api/events) and who hears what. A stream only
// ever hears "pull", with at most the id of a mission its account belongs to: membership is read
// from the database when a change arrives, so someone added to or removed from a mission a moment ago
// is counted right. Every heartbeat also checks the stream's session again: a session ended anywhere
// (logout, password change, a disabled account, the admin command line, another process) loses its
// stream within one heartbeat, and at once when this process or a signal says so.
import { createHash } from 'node:crypto';
import {
  LIVE_EVENT_CHANGE,
  LIVE_EVENT_READY,
  LIVE_HEARTBEAT_MS,
  LIVE_MAX_STREAMS_PER_SESSION,
} from '../../shared/liveEvents';
import type { User } from '../../shared/protocol';
import { findSession } from '../auth/sessions';
import type { Db } from '../db/database';
import { ApiError } from '../errors';
import type { ChangeBus, ChangeSignal } from './changeBus';

export interface LiveHubOptions {
  heartbeatMs?: number;
  maxStreamsPerSession?: number;
}

interface Stream {
  user: User;
  token: string;
  /** Names the session among streams and signals without carrying its token. */
  key: string;
  controller: ReadableStreamDefaultController<Uint8Array>;
  closed: boolean;
}

const encoder = new TextEncoder();
/** Lines waiting for a reader that does not read, before its stream is ended. */
const MAX_QUEUED_LINES = 64;

/** A stable name for a session in signals between processes: never the token itself, nor its stored hash. */
export const streamKeyOf = (token: string) => createHash('sha256').update(`live:${token}`).digest('hex').slice(0, 32);

export class LiveHub {
  private readonly streams = new Set<Stream>();
  private readonly unsubscribe: () => void;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly maxPerSession: number;

  constructor(
    private readonly db: Db,
    private readonly bus: ChangeBus,
    options: LiveHubOptions = {},
  ) {
    this.maxPerSession = options.maxStreamsPerSession ?? LIVE_MAX_STREAMS_PER_SESSION;
    this.unsubscribe = bus.subscribe((signal) => {
      this.deliver(signal).catch(() => undefined);
    });
    this.heartbeat = setInterval(() => void this.beat(), options.heartbeatMs ?? LIVE_HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** How many streams are open in this process (tests, logs). */
  get size(): number {
    return this.streams.size;
  }

  /** A new stream for this session: an SSE answer that stays open. Too many for one session: 429. */
  open(user: User, token: string): Response {
    const key = streamKeyOf(token);
    const sameSession = [...this.streams].filter((s) => s.key === key).length;
    if (sameSession >= this.maxPerSession) throw new ApiError(429, 'server-busy', { maxStreams: this.maxPerSession });
    let stream: Stream;
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        stream = { user, token, key, controller, closed: false };
        this.streams.add(stream);
        this.write(stream, `event: ${LIVE_EVENT_READY}\ndata: {}\n\n`);
      },
      cancel: () => {
        // The phone went away (or the proxy closed): forget the stream.
        stream.closed = true;
        this.streams.delete(stream);
      },
    });
    return new Response(body, {
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        // nginx and some proxies buffer answers unless told not to.
        'x-accel-buffering': 'no',
      },
    });
  }

  /** After a push committed: members of these missions pull, but not the session that wrote. */
  async missionsChanged(missionIds: Iterable<string>, writerToken?: string): Promise<void> {
    const origin = writerToken ? streamKeyOf(writerToken) : undefined;
    for (const missionId of new Set(missionIds)) await this.bus.publish({ kind: 'mission', missionId, origin });
  }

  /** The account was added to or removed from a mission: its streams pull everything. */
  async userMissionsChanged(userId: string): Promise<void> {
    await this.bus.publish({ kind: 'user', userId });
  }

  /** Some of this account's sessions ended: its streams check their own session now. */
  async sessionsEnded(userId: string): Promise<void> {
    await this.bus.publish({ kind: 'sessions', userId });
  }

  /** Ends every stream (the server is stopping) and stops listening. */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    this.unsubscribe();
    for (const stream of [...this.streams]) this.end(stream);
    await this.bus.close();
  }

  private async deliver(signal: ChangeSignal): Promise<void> {
    if (this.streams.size === 0) return;
    if (signal.kind === 'all') {
      for (const stream of this.streams) this.tell(stream, {});
      return;
    }
    if (signal.kind === 'user' || signal.kind === 'sessions') {
      for (const stream of [...this.streams]) {
        if (stream.user.id !== signal.userId) continue;
        if (signal.kind === 'user') this.tell(stream, {});
        else await this.check(stream);
      }
      return;
    }
    const rows = await this.db
      .selectFrom('mission_members')
      .select('user_id')
      .where('mission_id', '=', signal.missionId)
      .execute();
    const members = new Set(rows.map((row) => row.user_id));
    for (const stream of this.streams) {
      if (stream.key === signal.origin) continue;
      if (stream.user.role === 'admin' || members.has(stream.user.id)) {
        this.tell(stream, { missionId: signal.missionId });
      }
    }
  }

  private tell(stream: Stream, data: { missionId?: string }): void {
    this.write(stream, `event: ${LIVE_EVENT_CHANGE}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private async beat(): Promise<void> {
    for (const stream of [...this.streams]) {
      this.write(stream, ': heartbeat\n\n');
      await this.check(stream).catch(() => undefined);
    }
  }

  /** Ends the stream when its session is gone (expired, logged out, account disabled). */
  private async check(stream: Stream): Promise<void> {
    if (stream.closed) return;
    const session = await findSession(this.db, stream.token);
    if (session.status !== 'ok') this.end(stream);
  }

  private write(stream: Stream, text: string): void {
    if (stream.closed) return;
    // A reader that stopped reading (a stalled link) would keep every line in memory: let it go;
    // the app reconnects and pulls.
    if ((stream.controller.desiredSize ?? 0) < -MAX_QUEUED_LINES) {
      this.end(stream);
      return;
    }
    try {
      stream.controller.enqueue(encoder.encode(text));
    } catch {
      this.end(stream);
    }
  }

  private end(stream: Stream): void {
    this.streams.delete(stream);
    if (stream.closed) return;
    stream.closed = true;
    try {
      stream.controller.close();
    } catch {
      // Already cancelled by the other side.
    }
  }
}
