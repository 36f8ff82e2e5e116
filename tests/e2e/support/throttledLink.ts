// A slow link in front of the server, for everything the browser sends, service worker included
// (DevTools' network emulation covers only the page it is attached to). A TCP relay: each
// direction shares one bandwidth across all connections, like a phone's single radio link, and
// every chunk is delayed by half the round trip. Closing it cuts the link for real.
import net from 'node:net';

export interface LinkSpec {
  downKbitPerS: number;
  upKbitPerS: number;
  /** Round trip added to every exchange, in ms. */
  latencyMs: number;
}

export const LINK_3G: LinkSpec = { downKbitPerS: 750, upKbitPerS: 250, latencyMs: 200 };

export interface ThrottledLink {
  url: string;
  bytes: { down: number; up: number };
  close: () => Promise<void>;
}

const PIECE = 8 * 1024;

/** One direction of the link: chunks leave in order, no faster than the rate allows. */
function direction(kbitPerS: number, oneWayMs: number, count: (n: number) => void) {
  let freeAt = 0;
  return (from: net.Socket, to: net.Socket) => {
    let lastDue = 0;
    from.on('data', (chunk: Buffer) => {
      count(chunk.length);
      for (let offset = 0; offset < chunk.length; offset += PIECE) {
        const piece = chunk.subarray(offset, offset + PIECE);
        freeAt = Math.max(freeAt, Date.now()) + (piece.length * 8) / kbitPerS;
        const due = Math.max(lastDue, freeAt + oneWayMs);
        lastDue = due;
        setTimeout(() => to.writable && to.write(piece), due - Date.now());
      }
    });
    from.on('end', () => setTimeout(() => to.end(), Math.max(0, lastDue - Date.now()) + 1));
    from.on('error', () => to.destroy());
  };
}

export async function startThrottledLink(targetPort: number, spec: LinkSpec): Promise<ThrottledLink> {
  const bytes = { down: 0, up: 0 };
  const sockets = new Set<net.Socket>();
  const up = direction(spec.upKbitPerS, spec.latencyMs / 2, (n) => {
    bytes.up += n;
  });
  const down = direction(spec.downKbitPerS, spec.latencyMs / 2, (n) => {
    bytes.down += n;
  });
  const relay = net.createServer((client) => {
    const server = net.connect(targetPort, '127.0.0.1');
    for (const s of [client, server]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    up(client, server);
    down(server, client);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const { port } = relay.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bytes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        relay.close(() => resolve());
      }),
  };
}
