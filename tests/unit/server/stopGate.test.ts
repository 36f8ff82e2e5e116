// The stop sequence in process (http/gracefulStop.ts): once stopping, a new request gets 503
// server-busy with Retry-After and Connection: close; the request already running finishes and is
// answered; only then is the database closed. A request still running at the deadline is cut.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { stopGate } from '../../../src/server/http/gracefulStop';
import type { LogRecord } from '../../../src/server/log';

function slowApp() {
  let release: () => void = () => undefined;
  const released = new Promise<void>((r) => {
    release = r;
  });
  const app = new Hono();
  app.get('/lent', async (c) => {
    await released;
    return c.text('fini');
  });
  return { app, release };
}

async function listen(fetch: (request: Request) => Response | Promise<Response>) {
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('stop gate', () => {
  it('refuses new requests with 503, lets the running one finish, then closes the database', async () => {
    const { app, release } = slowApp();
    const lines: LogRecord[] = [];
    const gate = stopGate(app.fetch, (line) => lines.push(line));
    const { server, url } = await listen(gate.fetch);
    const running = fetch(`${url}/lent`);
    await new Promise((r) => setTimeout(r, 200));

    const events: string[] = [];
    const stopped = gate.stop(server, async () => {
      events.push('database closed');
    });
    const refused = await gate.fetch(new Request(`${url}/lent`));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('10');
    expect(refused.headers.get('connection')).toBe('close');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('server-busy');

    release();
    const answer = await running;
    events.push('answered');
    expect(await answer.text()).toBe('fini');
    expect(await stopped).toBe('finished');
    expect(events).toEqual(['answered', 'database closed']);
    expect(lines.map((l) => l.msg)).toEqual(['stopping', 'stopped']);
  });

  it('cuts a request still running at the deadline, then closes the database', async () => {
    const { app } = slowApp();
    const gate = stopGate(app.fetch, () => undefined, 300);
    const { server, url } = await listen(gate.fetch);
    const running = fetch(`${url}/lent`).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((r) => setTimeout(r, 200));
    let closed = false;
    expect(
      await gate.stop(server, async () => {
        closed = true;
      }),
    ).toBe('cut');
    expect(closed).toBe(true);
    expect(await running).toBe('cut');
  });
});
