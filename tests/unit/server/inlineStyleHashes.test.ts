// index.html's static shell is styled by one inline <style>: the policy allows exactly that style by
// its SHA-256 (never 'unsafe-inline'), read from the index.html being served, and follows a rebuild.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineStyleHashes } from '../../../src/server/http/inlineStyleHashes';
import { makeTestServer, type TestServer } from './support';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const styleSrc = (res: Response) =>
  (res.headers.get('content-security-policy') ?? '').split('; ').find((d) => d.startsWith('style-src')) ?? '';

let server: TestServer;
let index: string;
beforeAll(async () => {
  server = await makeTestServer();
  index = path.join(server.dataDir, 'dist', 'index.html');
});
afterAll(() => server.close());

describe('inline style hashes of the app shell', () => {
  it('hash the text of each <style> element as the browser does (UTF-8, whitespace kept)', () => {
    const css = '\n  .a{color:#fff} /* é */\n';
    expect(inlineStyleHashes(`<head><style>${css}</style><style media="x">b{}</style></head>`)).toEqual([
      sha256(css),
      sha256('b{}'),
    ]);
    expect(inlineStyleHashes('<style></style>')).toEqual(["'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"]);
    expect(inlineStyleHashes('<link rel="stylesheet" href="/a.css">')).toEqual([]);
  });

  it("put the served index.html's style hash in style-src, on the shell and on every answer, and follow a rebuild", async () => {
    fs.writeFileSync(index, '<!doctype html><style>body{margin:0}</style><div id="root"></div>');
    for (const url of ['/', '/missions/x', '/api/health']) {
      const res = await server.call('GET', url);
      expect(styleSrc(res), url).toBe(`style-src 'self' ${sha256('body{margin:0}')}`);
      expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    }
    // A rebuild while the server runs: the new style's hash, the old one gone.
    fs.writeFileSync(index, '<!doctype html><style>body{margin:1px}</style><div id="root"></div>');
    fs.utimesSync(index, new Date(), new Date(Date.now() + 5_000));
    const after = await server.call('GET', '/');
    expect(styleSrc(after)).toBe(`style-src 'self' ${sha256('body{margin:1px}')}`);
    // No built app: no inline style allowed at all.
    fs.rmSync(index);
    expect(styleSrc(await server.call('GET', '/api/health'))).toBe("style-src 'self'");
  });
});
