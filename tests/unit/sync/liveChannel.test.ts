// The app's live channel with a fake browser (online, visible, timers) and real streamed Responses:
// each "change" asks for a sync, a dropped stream comes back after a back-off and then pulls once for
// what it missed, nothing is opened offline, hidden or logged out, and a 401 waits for a new login.
import { describe, expect, it } from 'vitest';
import { createLiveChannel, LIVE_RETRY_MIN_MS, type LiveChannelEnv } from '../../../src/sync/liveChannel';

interface Timer {
  callback: () => void;
  ms: number;
}

function fakeBrowser() {
  const timers = new Set<Timer>();
  const listeners = new Set<() => void>();
  const state = { online: true, visible: true };
  const env: LiveChannelEnv = {
    isOnline: () => state.online,
    isVisible: () => state.visible,
    onConditionsChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setTimer(callback, ms) {
      const timer = { callback, ms };
      timers.add(timer);
      return timer;
    },
    clearTimer: (handle) => timers.delete(handle as Timer),
    random: () => 0.5,
  };
  return {
    env,
    state,
    changeConditions: () => {
      for (const l of listeners) l();
    },
    /** Timers armed for at least `minMs` (the retry; silence timers are far longer or shorter). */
    timersOf: (ms: number) => [...timers].filter((t) => t.ms === ms),
    fire(timer: Timer) {
      timers.delete(timer);
      timer.callback();
    },
  };
}

/** A server stream the test writes frames into. */
function serverStream(status = 200) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  const encoder = new TextEncoder();
  return {
    response: new Response(status === 200 ? body : JSON.stringify({ error: { code: 'unauthorized' } }), { status }),
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
  };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

function setUp(options: { token?: string | null } = {}) {
  const browser = fakeBrowser();
  const streams: ReturnType<typeof serverStream>[] = [];
  const opened: { token: string; signal: AbortSignal }[] = [];
  const sessionListeners = new Set<() => void>();
  let token: string | null = options.token === undefined ? 'jeton-a' : options.token;
  let pulls = 0;
  let nextStatus = 200;
  const channel = createLiveChannel({
    env: browser.env,
    token: async () => token,
    onSessionChange(listener) {
      sessionListeners.add(listener);
      return () => sessionListeners.delete(listener);
    },
    async open(t, signal) {
      opened.push({ token: t, signal });
      const stream = serverStream(nextStatus);
      streams.push(stream);
      return stream.response;
    },
    requestPull: () => {
      pulls++;
    },
  });
  return {
    browser,
    channel,
    streams,
    opened,
    pulls: () => pulls,
    setToken(value: string | null) {
      token = value;
      for (const l of sessionListeners) l();
    },
    answerNext(status: number) {
      nextStatus = status;
    },
  };
}

const RETRY_MS = LIVE_RETRY_MIN_MS; // random 0.5: no jitter

describe('live channel', () => {
  it('asks for a sync at each change, not at the first "ready" (the scheduler syncs at start)', async () => {
    const t = setUp();
    t.channel.start();
    await until(() => t.streams.length === 1);
    expect(t.opened[0].token).toBe('jeton-a');
    t.streams[0].send('event: ready\ndata: {}\n\n');
    await until(() => t.channel.connected);
    expect(t.pulls()).toBe(0);
    t.streams[0].send(': heartbeat\n\nevent: change\ndata: {"missionId":"m1"}\n\n');
    await until(() => t.pulls() === 1);
    // A frame cut in two pieces still counts once.
    t.streams[0].send('event: chan');
    t.streams[0].send('ge\ndata: {}\n\n');
    await until(() => t.pulls() === 2);
    t.channel.stop();
    expect(t.opened[0].signal.aborted).toBe(true);
  });

  it('comes back after a back-off when the server ends the stream, and then pulls once', async () => {
    const t = setUp();
    t.channel.start();
    await until(() => t.streams.length === 1);
    t.streams[0].send('event: ready\ndata: {}\n\n');
    await until(() => t.channel.connected);
    t.streams[0].end(); // the server stopped (SIGTERM) or a proxy closed it
    await until(() => t.browser.timersOf(RETRY_MS).length === 1);
    expect(t.channel.connected).toBe(false);
    expect(t.streams.length).toBe(1);
    t.browser.fire(t.browser.timersOf(RETRY_MS)[0]);
    await until(() => t.streams.length === 2);
    t.streams[1].send('event: ready\ndata: {}\n\n');
    await until(() => t.pulls() === 1);
    t.channel.stop();
  });

  it('opens nothing offline or hidden, closes when either happens, and reopens when both are back', async () => {
    const t = setUp();
    t.browser.state.online = false;
    t.channel.start();
    await new Promise((r) => setTimeout(r, 30));
    expect(t.streams.length).toBe(0);
    t.browser.state.online = true;
    t.browser.changeConditions();
    await until(() => t.streams.length === 1);
    t.browser.state.visible = false;
    t.browser.changeConditions();
    await until(() => t.opened[0].signal.aborted);
    t.browser.state.visible = true;
    t.browser.changeConditions();
    await until(() => t.streams.length === 2);
    t.channel.stop();
  });

  it('waits for a login, and after a 401 waits for the next one instead of retrying', async () => {
    const t = setUp({ token: null });
    t.channel.start();
    await new Promise((r) => setTimeout(r, 30));
    expect(t.streams.length).toBe(0);
    t.answerNext(401);
    t.setToken('jeton-b');
    await until(() => t.streams.length === 1);
    await new Promise((r) => setTimeout(r, 30));
    expect(t.browser.timersOf(RETRY_MS)).toEqual([]);
    t.answerNext(200);
    t.setToken('jeton-c');
    await until(() => t.streams.length === 2);
    expect(t.opened[1].token).toBe('jeton-c');
    t.channel.stop();
  });
});
