// A connection left idle between two requests stays open longer than the reverse proxy in front
// keeps its own idle connections (deploy/Caddyfile). With Node's default of 5 s, the server could
// close a connection at the moment the proxy (or a client reusing it) sent the next request on it:
// that request failed ("other side closed", a 502 behind the proxy), a push among them.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../e2e/support/server';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
}, 90_000);
afterAll(() => server?.stop());

/** Sends one request on `socket` and resolves with its status once the whole answer arrived. */
function request(socket: net.Socket): Promise<number> {
  return new Promise((resolve, reject) => {
    let received = '';
    const onData = (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/content-length: (\d+)/i.exec(received.slice(0, end))?.[1] ?? 0);
      if (received.length < end + 4 + length) return;
      socket.off('data', onData);
      socket.off('close', onClose);
      resolve(Number(received.slice(9, 12)));
    };
    const onClose = () => reject(new Error('connexion fermée par le serveur'));
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.write('GET /api/health HTTP/1.1\r\nHost: terrain.test\r\nConnection: keep-alive\r\n\r\n');
  });
}

describe('an idle keep-alive connection', () => {
  it.skipIf(Boolean(process.env.TERRAIN_TEST_PG_URL))(
    'still takes a request after 6 s of silence (Node closes it after 5 s by default)',
    async () => {
      const socket = net.connect(server.port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      let closedAt: number | null = null;
      socket.once('close', () => {
        closedAt = Date.now();
      });
      expect(await request(socket)).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect(closedAt).toBeNull();
      expect(await request(socket)).toBe(200);
      socket.destroy();
    },
    30_000,
  );
});
