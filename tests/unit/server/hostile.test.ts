// Hostile and malformed requests on every endpoint: always a 4xx with a JSON error, never a 500,
// and the data stays as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMission } from '../../fixtures/builders';
import { createMutation } from '../../fixtures/mutations';
import { makeTestServer, type TestServer } from './support';

let server: TestServer;
let token: string;
const mission = aMission();

beforeAll(async () => {
  server = await makeTestServer();
  token = (await server.newUser()).token;
  await server.push(token, [createMutation('missions', mission)]);
});
afterAll(() => server.close());

const bodies = [
  '',
  'null',
  '42',
  '"texte"',
  '[]',
  '{}',
  '{"protocolVersion":1}',
  '{"protocolVersion":1,"clientId":"x","mutations":[{}]}',
  '{"protocolVersion":1,"clientId":"x","mutations":[null]}',
  '{"protocolVersion":1,"clientId":"x","cursors":{"a":-1}}',
  '{"protocolVersion":1,"clientId":"x","cursors":[]}',
  '{"protocolVersion":1,"clientId":"x","mutations":"tout"}',
  `{"protocolVersion":1,"clientId":"${'x'.repeat(100)}","mutations":[]}`,
  '{"email":"pas-un-email","password":""}',
  '{"missionId":"m","hashes":["../../etc/passwd"]}',
  '{"userId":{"$ne":null}}',
  '\u0000\u0001\u0002',
  '{"a":'.repeat(5000),
];

describe('hostile requests', () => {
  it('get a JSON 4xx on every JSON endpoint, never a 500', async () => {
    const endpoints = [
      '/api/auth/login',
      '/api/sync/push',
      '/api/sync/pull',
      '/api/photos/missing',
      '/api/admin/users',
      `/api/admin/missions/${mission.id}/members`,
    ];
    for (const url of endpoints) {
      for (const raw of bodies) {
        const res = await server.call('POST', url, { token: url.includes('admin') ? server.adminToken : token, raw });
        expect(res.status, `${url} ${raw.slice(0, 40)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${url} ${raw.slice(0, 40)}`).toBeLessThan(500);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBeTruthy();
      }
    }
  });

  it('get a 4xx for odd paths, tokens and upload headers', async () => {
    const requests: [string, string, Record<string, string>?][] = [
      ['GET', '/api/photos/..%2F..%2Fterrain.sqlite'],
      ['GET', `/api/photos/${'A'.repeat(64)}`],
      ['GET', '/api/photos/uploads/abc'],
      ['HEAD', '/api/photos/uploads/..%2F..%2Fterrain.sqlite', { 'tus-resumable': '1.0.0' }],
      ['HEAD', `/api/photos/uploads/${'0'.repeat(32)}`, { 'tus-resumable': '1.0.0' }],
      ['PATCH', `/api/photos/uploads/${'0'.repeat(32)}`, { 'tus-resumable': '1.0.0', 'upload-offset': '0' }],
      ['POST', '/api/photos/uploads', { 'tus-resumable': '1.0.0', 'upload-length': '10', 'upload-metadata': '%%%' }],
      [
        'POST',
        '/api/photos/uploads',
        {
          'tus-resumable': '1.0.0',
          'upload-length': '-5',
          'upload-metadata': `hash ${Buffer.from('f'.repeat(64)).toString('base64')},missionId ${Buffer.from(mission.id).toString('base64')}`,
        },
      ],
      [
        'POST',
        '/api/photos/uploads',
        {
          'tus-resumable': '1.0.0',
          'upload-length': '10',
          'upload-metadata': `hash ${Buffer.from('pas-un-hash').toString('base64')},missionId ${Buffer.from(mission.id).toString('base64')}`,
        },
      ],
      ['DELETE', `/api/admin/missions/${'%20'.repeat(3)}/members/x`],
      ['GET', '/api/auth/me', { authorization: 'Bearer' }],
      ['GET', '/api/auth/me', { authorization: `Bearer ${'é'.repeat(5000)}` }],
      ['GET', '/api/auth/me', { authorization: 'Basic YWRtaW46YWRtaW4=' }],
    ];
    for (const [method, url, headers] of requests) {
      const auth = headers?.authorization ? {} : { token };
      const res = await server.call(method, url, { ...auth, headers });
      expect(res.status, `${method} ${url}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${method} ${url}`).toBeLessThan(500);
    }
    const { changes } = await server.pull(token);
    expect(changes.map((c) => c.id)).toEqual([mission.id]);
  });
});
