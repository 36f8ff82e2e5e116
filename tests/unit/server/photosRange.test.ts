// Photo download with `Range`: a device whose download was cut asks for the rest only. Photos are
// immutable and named by their hash, so a range of one is always a range of the same bytes: the
// server answers 206 with Content-Range, 416 for a range outside the photo, and the access rules
// are the same as for a whole download.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aMission, aPhoto } from '../../fixtures/builders';
import { createMutation } from '../../fixtures/mutations';
import { createUpload, jpegLike } from './photosTus';
import { errorCode, makeTestServer, type TestServer } from './support';

let server: TestServer;
let member: Awaited<ReturnType<TestServer['newUser']>>;
let stranger: Awaited<ReturnType<TestServer['newUser']>>;
const mission = aMission();
const bytes = jpegLike(50_000);
const hash = createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  server = await makeTestServer();
  member = await server.newUser('member');
  stranger = await server.newUser('member');
  await server.push(member.token, [createMutation('missions', mission)]);
  const created = await createUpload(server.app, bytes, {
    token: member.token,
    missionId: mission.id,
    withBody: bytes,
  });
  expect(created.status).toBe(201);
  await server.push(member.token, [createMutation('photos', aPhoto(mission.id, 'n1', { hash, bytes: bytes.length }))]);
});
afterAll(() => server.close());

const get = (range: string, token = member.token) =>
  server.call('GET', `/api/photos/${hash}`, { token, headers: { range } });

describe('photo download with Range', () => {
  it('answers 206 with the bytes from an offset to the end, and says so in Content-Range', async () => {
    const res = await get('bytes=12345-');
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 12345-${bytes.length - 1}/${bytes.length}`);
    expect(res.headers.get('content-length')).toBe(String(bytes.length - 12345));
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(12345))).toBe(true);
  });

  it('answers a bounded range and the last byte alone', async () => {
    const middle = await get('bytes=100-199');
    expect(middle.status).toBe(206);
    expect(middle.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`);
    expect(Buffer.from(await middle.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
    const last = await get(`bytes=${bytes.length - 1}-`);
    expect(last.status).toBe(206);
    expect(Buffer.from(await last.arrayBuffer()).equals(bytes.subarray(bytes.length - 1))).toBe(true);
  });

  it('answers 416 with the photo size for a range that starts at or past the end', async () => {
    for (const range of [
      `bytes=${bytes.length}-`,
      `bytes=${bytes.length + 10}-`,
      `bytes=${bytes.length}-${bytes.length + 5}`,
    ]) {
      const res = await get(range);
      expect(res.status, range).toBe(416);
      expect(res.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
    }
  });

  it('sends the whole photo for a Range it does not handle (several ranges, a suffix, another unit, nonsense)', async () => {
    for (const range of ['bytes=0-9,20-29', 'bytes=-500', 'items=0-3', 'bytes=abc-', 'bytes=300-200']) {
      const res = await get(range);
      expect(res.status, range).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    }
  });

  it('keeps the access rules: no session 401, not a member 403, no byte of the photo sent', async () => {
    const anonymous = await server.call('GET', `/api/photos/${hash}`, { headers: { range: 'bytes=10-' } });
    expect(anonymous.status).toBe(401);
    const res = await get('bytes=10-', stranger.token);
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('not-member');
  });
});
