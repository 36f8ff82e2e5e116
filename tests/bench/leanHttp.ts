// The load generator's HTTP client. It shares this machine's 2 cores with the servers it measures,
// and fetch (undici's WHATWG streams, a Request and a Response object per call) cost it about
// 0.8-1.0 CPU s per 1,000 notes, a fifth of the machine, taken from the servers under test. Plain
// node:http on kept-alive connections does the same calls (compressed answers included, as a
// phone's browser asks for them) for less, so the figures say more about the server.
import http from 'node:http';
import zlib from 'node:zlib';

const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

export interface Answer {
  status: number;
  header: (name: string) => string | undefined;
  text: () => string;
  json: <T>() => T;
}

export interface Call {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

function decoded(body: Buffer, encoding: string | undefined): Buffer {
  if (encoding === 'gzip') return zlib.gunzipSync(body);
  if (encoding === 'br') return zlib.brotliDecompressSync(body);
  if (encoding === 'deflate') return zlib.inflateSync(body);
  return body;
}

/**
 * A kept-alive connection the server closed while idle (Node's 5 s keep-alive) fails the call sent
 * on it before any answer: sent once more on a new connection, as browsers do. The server closes
 * only idle connections, so the call had not reached its handler.
 */
export async function send(url: string, call: Call = {}): Promise<Answer> {
  try {
    return await sendOnce(url, call);
  } catch (error) {
    if (!(error instanceof ClosedWhileIdle)) throw error;
    return sendOnce(url, call);
  }
}

class ClosedWhileIdle extends Error {}

function sendOnce(url: string, { method = 'GET', headers = {}, body }: Call): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method, agent, headers: { 'accept-encoding': 'gzip, deflate, br', ...headers } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('error', reject);
        res.on('end', () => {
          try {
            const text = decoded(Buffer.concat(parts), res.headers['content-encoding']).toString('utf8');
            resolve({
              status: res.statusCode ?? 0,
              header: (name) => {
                const value = res.headers[name.toLowerCase()];
                return Array.isArray(value) ? value.join(', ') : value;
              },
              text: () => text,
              json: <T>() => JSON.parse(text) as T,
            });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      const closed = req.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
      reject(closed ? new ClosedWhileIdle(error.message, { cause: error }) : error);
    });
    req.end(body);
  });
}
