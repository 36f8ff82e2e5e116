// The app's ear on the server (GET /api/events): while online, visible and logged in, one stream stays
// open, and each "change" it hears asks the scheduler for a sync now, so a coordinator's request or a
// resubmitted note shows within seconds instead of at the next 5-minute sync. It carries no records
// (only "pull"), about 20 bytes every 25 s when nothing happens: cheap enough for metered links.
// fetch() with a streamed body rather than EventSource: EventSource cannot send the bearer token.
// Dropped streams come back on a growing, jittered delay; after a reconnection the app pulls once,
// for whatever it missed meanwhile. Browser events and timers come in through LiveChannelEnv (tests
// use fakes; liveChannelBrowser.ts has the real ones).
import { LIVE_EVENT_CHANGE, LIVE_EVENT_READY, LIVE_SILENCE_MS } from '../shared/liveEvents';
import { backoffDelayMs } from './backoff';
import { parseEventFrames } from './eventStream';

export const LIVE_RETRY_MIN_MS = 2_000;
export const LIVE_RETRY_MAX_MS = 5 * 60_000;

export interface LiveChannelEnv {
  isOnline(): boolean;
  isVisible(): boolean;
  /** Calls back when being online or visible may have changed. */
  onConditionsChange(listener: () => void): () => void;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  random?: () => number;
}

export interface LiveChannelDeps {
  env: LiveChannelEnv;
  /** The stored session's token (null: not logged in, or the server said it ended). */
  token(): Promise<string | null>;
  /** Calls back when the stored session changes (login, logout, expiry). */
  onSessionChange(listener: () => void): () => void;
  /** GET /api/events with this token. */
  open(token: string, signal: AbortSignal): Promise<Response>;
  /** Something changed on the server: sync now. */
  requestPull(): void;
  silenceMs?: number;
}

export interface LiveChannel {
  start(): void;
  stop(): void;
  /** Whether a stream is open now (tests, status). */
  readonly connected: boolean;
}

export function createLiveChannel(deps: LiveChannelDeps): LiveChannel {
  const { env } = deps;
  const silenceMs = deps.silenceMs ?? LIVE_SILENCE_MS;
  let started = false;
  let connection: AbortController | null = null;
  let connected = false;
  let failures = 0;
  let everReady = false;
  let retryTimer: unknown = null;
  let unsubscribe: (() => void)[] = [];

  const clearRetry = () => {
    if (retryTimer !== null) env.clearTimer(retryTimer);
    retryTimer = null;
  };

  function retryLater() {
    if (!started || retryTimer !== null) return;
    failures += 1;
    const delay = backoffDelayMs(failures, env.random, LIVE_RETRY_MIN_MS, LIVE_RETRY_MAX_MS);
    retryTimer = env.setTimer(() => {
      retryTimer = null;
      void evaluate();
    }, delay);
  }

  function disconnect() {
    connection?.abort();
    connection = null;
    connected = false;
  }

  /** Opens the stream when it should be open, closes it when it should not. */
  async function evaluate(): Promise<void> {
    const wanted = started && env.isOnline() && env.isVisible();
    if (!wanted) {
      clearRetry();
      disconnect();
      return;
    }
    if (connection || retryTimer !== null) return;
    const controller = new AbortController();
    connection = controller;
    const token = await deps.token();
    if (connection !== controller) return;
    if (!token) {
      // Not logged in (or the session ended): wait for a login, not for a timer.
      connection = null;
      return;
    }
    void listen(controller, token);
  }

  async function listen(controller: AbortController, token: string): Promise<void> {
    let silence: unknown = null;
    const armSilence = () => {
      if (silence !== null) env.clearTimer(silence);
      silence = env.setTimer(() => controller.abort(), silenceMs);
    };
    let sessionEnded = false;
    try {
      armSilence();
      const response = await deps.open(token, controller.signal);
      if (response.status === 401) {
        // The sync's own 401 handling marks the session expired; the stream waits for a new login.
        sessionEnded = true;
        await response.body?.cancel();
        return;
      }
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let pending = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        armSilence();
        const parsed = parseEventFrames(pending + value);
        pending = parsed.rest;
        for (const frame of parsed.frames) {
          if (frame.event === LIVE_EVENT_READY) {
            connected = true;
            failures = 0;
            // Changes made while the stream was down were not heard: pull once. The first stream
            // needs none: the scheduler syncs at start.
            if (everReady) deps.requestPull();
            everReady = true;
          } else if (frame.event === LIVE_EVENT_CHANGE) deps.requestPull();
        }
      }
    } catch {
      // Network gone, aborted (offline, hidden, silence): decided below.
    } finally {
      if (silence !== null) env.clearTimer(silence);
      if (connection === controller) {
        connection = null;
        connected = false;
        // Ended by the server, refused, cut, or silent too long (a dead link): try again later.
        if (!sessionEnded) retryLater();
      }
    }
  }

  return {
    start() {
      if (started) return;
      started = true;
      unsubscribe = [
        env.onConditionsChange(() => {
          failures = 0;
          clearRetry();
          void evaluate();
        }),
        deps.onSessionChange(() => {
          // Another account, or the same one again: a fresh stream with the new token.
          clearRetry();
          disconnect();
          void evaluate();
        }),
      ];
      void evaluate();
    },
    stop() {
      started = false;
      for (const off of unsubscribe) off();
      unsubscribe = [];
      clearRetry();
      disconnect();
    },
    get connected() {
      return connected;
    },
  };
}
