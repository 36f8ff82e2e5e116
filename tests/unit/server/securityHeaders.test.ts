// Security headers on every kind of answer: API, errors, static files, the app shell, tus; HSTS
// only over HTTPS, and X-Forwarded-Proto believed only behind a trusted proxy (TRUST_PROXY=1).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app';
import { makeTestServer, type TestServer } from './support';

let server: TestServer;
beforeAll(async () => {
  server = await makeTestServer();
  const dist = path.join(server.dataDir, 'dist');
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Terrain</title>');
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
});
afterAll(() => server.close());

function expectSecurityHeaders(res: Response) {
  const csp = res.headers.get('content-security-policy') ?? '';
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "img-src 'self' blob: data:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
  ]) {
    expect(csp).toContain(directive);
  }
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
}

describe('security headers', () => {
  it('are on API answers, errors, static files, the app shell and tus answers', async () => {
    const answers = [
      await server.call('GET', '/api/health'),
      await server.call('GET', '/api/auth/me'),
      await server.call('GET', '/api/nothing-here'),
      await server.call('POST', '/api/auth/login', {
        raw: '{not json',
        headers: { 'content-type': 'application/json' },
      }),
      await server.call('GET', '/assets/app-1234.js'),
      await server.call('GET', '/'),
      await server.call('GET', '/missions/quelque-chose'),
      // Answered by @tus/server itself (a creation it refuses: no valid hash in the metadata).
      await server.call('POST', '/api/photos/uploads/', {
        token: server.adminToken,
        headers: {
          'tus-resumable': '1.0.0',
          'upload-length': '10',
          'upload-metadata': `missionId ${btoa('m-1')},hash ${btoa('x')}`,
        },
      }),
      await server.call('HEAD', '/api/photos/uploads/0123456789abcdef0123456789abcdef', {
        token: server.adminToken,
        headers: { 'tus-resumable': '1.0.0' },
      }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 401, 404, 400, 200, 200, 200, 400, 404]);
    for (const res of answers) expectSecurityHeaders(res);
  });

  it('send HSTS only over HTTPS', async () => {
    expect((await server.app.request('http://terrain.test/api/health')).headers.get('strict-transport-security')).toBe(
      null,
    );
    const https = await server.app.request('https://terrain.test/api/health');
    expect(https.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    // Through the Node server, the socket decides, not the URL's scheme.
    const plainSocket = await server.app.request(
      'https://terrain.test/api/health',
      {},
      {
        incoming: { socket: { encrypted: false } },
      },
    );
    expect(plainSocket.headers.get('strict-transport-security')).toBe(null);
    const tlsSocket = await server.app.request(
      'http://terrain.test/api/health',
      {},
      {
        incoming: { socket: { encrypted: true } },
      },
    );
    expect(tlsSocket.headers.get('strict-transport-security')).not.toBe(null);
  });

  it('believe X-Forwarded-Proto only behind a trusted proxy', async () => {
    const viaProxy = { headers: { 'x-forwarded-proto': 'https' } };
    const env = { incoming: { socket: { encrypted: false, remoteAddress: '10.0.0.2' } } };
    const untrusted = await server.app.request('http://terrain.test/api/health', viaProxy, env);
    expect(untrusted.headers.get('strict-transport-security')).toBe(null);
    const dataDir = path.join(server.dataDir, 'proxy');
    fs.mkdirSync(dataDir);
    const trusting = createApp({ distDir: dataDir, version: 'test', db: server.db, dataDir, trustProxy: true });
    const trusted = await trusting.request('http://terrain.test/api/health', viaProxy, env);
    expect(trusted.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expectSecurityHeaders(trusted);
  });
});
