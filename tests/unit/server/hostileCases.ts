// Generated hostile requests: for every endpoint, a valid request of a member (or an admin), then
// one thing made wrong at a time (a body value, an id, a path segment, a header), each wrong in a
// way the server must refuse. Deterministic: the same seed gives the same requests, so a failure
// names a request that can be replayed.
import { gzipSync } from 'node:zlib';
import { PROTOCOL_VERSION } from '../../../src/shared/constants';
import { recordSchemas, type SyncedTable } from '../../../src/shared/model';
import { createMissionRequestSchema } from '../../../src/shared/protocol';

export interface HostileRequest {
  /** What was made wrong, for the failure message. */
  label: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: BodyInit;
  /** True when the request must change nothing (every write endpoint; reads change nothing anyway). */
  mustNotWrite: boolean;
}

export interface HostileWorld {
  memberToken: string;
  adminToken: string;
  /** The member's mission, and a record of each kind in it (the member may edit them). */
  missionId: string;
  records: { table: SyncedTable; id: string; data: Record<string, unknown> }[];
  /** Another mission the member does not belong to, and its records. */
  foreignMissionId: string;
  foreignRecordId: string;
  memberUserId: string;
  adminUserId: string;
  /** A photo of the member's mission stored on the server, and one of the foreign mission. */
  photoHash: string;
  foreignPhotoHash: string;
  /** An unfinished upload of the foreign mission. */
  foreignUploadId: string;
}

/** Small fast PRNG (mulberry32): the suite is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Values nested thousands deep, kept with their JSON text: JSON.stringify itself recurses and
 * cannot write them, but a device can send them.
 */
const rawJson = new Map<unknown, string>();
function deep(text: string): unknown {
  const value = JSON.parse(text) as unknown;
  rawJson.set(value, text);
  return value;
}
const deepArray = (depth: number) => deep('['.repeat(depth) + ']'.repeat(depth));
const deepObject = (depth: number) => deep(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

/** Values that are wrong almost anywhere: wrong types, control characters, huge, deep, odd numbers. */
export const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  -1,
  1.5,
  2 ** 53 - 1,
  -(2 ** 53),
  1e308,
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '../../etc/passwd',
  '%2e%2e%2f',
  'x'.repeat(70),
  'é'.repeat(40_000),
  [],
  [null],
  [[[[]]]],
  {},
  JSON.parse('{"__proto__":{"polluted":true}}'),
  { constructor: { prototype: { polluted: true } } },
  { $ne: null },
  deepArray(5_000),
  deepObject(5_000),
  { onclick: 'alert(1)' },
  '<script>alert(1)</script>',
];

/** Ids that no record, mission, user or device may have. */
export const HOSTILE_IDS: unknown[] = [
  null,
  '',
  ' ',
  '\u0000',
  'abc\u0000',
  'a/b',
  '../x',
  'a b',
  'é',
  'x'.repeat(65),
  42,
  {},
  [],
  ['a'],
  deepArray(5_000),
];

/** JSON text of a request body; deep values are written from their kept text. */
function json(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v) => {
    const raw = rawJson.get(v);
    if (raw === undefined) return v;
    raws.push(raw);
    return `\u0001raw${raws.length - 1}\u0001`;
  });
  if (text === undefined) return 'null';
  return text.replace(/"\\u0001raw(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)]);
}
/** A path segment; a lone surrogate becomes the bytes it would be in broken UTF-8. */
function segment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}
const b64 = (value: string) => Buffer.from(value).toString('base64');

/** The fields of a table's schema that `value` fails: a change of such a field must be refused. */
function fieldsRefusing(table: SyncedTable, value: unknown): string[] {
  const shape = recordSchemas[table].shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
  const settable = Object.keys(shape).filter((f) => !['id', 'missionId', 'createdAt', 'serverVersion'].includes(f));
  return settable.filter((field) => !shape[field].safeParse(value).success);
}

export function generateHostileRequests(world: HostileWorld, seed = 10): HostileRequest[] {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const out: HostileRequest[] = [];
  const member = { authorization: `Bearer ${world.memberToken}` };
  const admin = { authorization: `Bearer ${world.adminToken}` };
  const jsonHeaders = (auth: Record<string, string>) => ({ ...auth, 'content-type': 'application/json' });
  const add = (r: Omit<HostileRequest, 'mustNotWrite'> & { mustNotWrite?: boolean }) => {
    // A header value HTTP cannot carry (NUL, a lone surrogate) never reaches the server: Node's
    // parser refuses it first. Such a request is not made.
    try {
      new Headers(r.headers);
    } catch {
      return;
    }
    out.push({ mustNotWrite: true, ...r });
  };

  // ---- push: one mutation, one thing wrong ------------------------------------------------------
  const validMutation = (record: HostileWorld['records'][number]) => ({
    mutationId: `01HOSTILE${Math.floor(random() * 1e12)}`.slice(0, 26).padEnd(26, '0'),
    table: record.table,
    recordId: record.id,
    missionId: world.missionId,
    op: 'put',
    changes: {},
    baseVersion: 1,
  });
  const push = (label: string, mutations: unknown, extra: Record<string, unknown> = {}) =>
    add({
      label: `push ${label}`,
      method: 'POST',
      url: '/api/sync/push',
      headers: jsonHeaders(member),
      body: json({ protocolVersion: PROTOCOL_VERSION, clientId: 'hostile-device', mutations, ...extra }),
    });
  for (const record of world.records) {
    for (const value of HOSTILE_VALUES) {
      for (const field of fieldsRefusing(record.table, value)) {
        push(`${record.table}.${field} = ${json(value)?.slice(0, 30)}`, [
          { ...validMutation(record), changes: { [field]: value } },
        ]);
      }
      // The same value one level down, in a nested list or object of the record.
      for (const [field, current] of Object.entries(record.data)) {
        if (Array.isArray(current) && current.length > 0 && fieldsRefusing(record.table, [value]).includes(field)) {
          push(`${record.table}.${field}[0] = ${json(value)?.slice(0, 30)}`, [
            { ...validMutation(record), changes: { [field]: [value] } },
          ]);
        }
      }
    }
    // Keys the table does not have, and fields a mutation may not move.
    for (const field of ['__proto__', 'constructor', 'toString', 'secret', 'x'.repeat(61), '']) {
      push(`${record.table} unknown field ${field.slice(0, 12)}`, [
        { ...validMutation(record), changes: JSON.parse(`{${json(field)}:"x"}`) },
      ]);
    }
  }
  const note = world.records.find((r) => r.table === 'visitNotes') ?? world.records[0];
  for (const key of ['mutationId', 'recordId', 'table', 'op', 'baseVersion', 'changes']) {
    for (const value of HOSTILE_IDS) {
      // Values that would be right for this key make no hostile request: an edit would apply.
      if (key === 'baseVersion' && Number.isInteger(value) && (value as number) >= 0) continue;
      if (key === 'changes' && value && typeof value === 'object' && !Array.isArray(value)) continue;
      push(`mutation.${key} = ${json(value)?.slice(0, 30)}`, [
        { ...validMutation(note), changes: { observations: 'changé' }, [key]: value },
      ]);
    }
  }
  for (const value of HOSTILE_IDS) {
    push(`clientId = ${json(value)?.slice(0, 30)}`, [{ ...validMutation(note), changes: { observations: 'x' } }], {
      clientId: value,
    });
  }
  for (const value of [...HOSTILE_IDS, world.foreignMissionId]) {
    push(`mutation.missionId = ${json(value)?.slice(0, 30)}`, [
      { ...validMutation(note), changes: { observations: 'changé' }, missionId: value },
    ]);
  }
  push('a foreign record', [
    {
      ...validMutation(note),
      recordId: world.foreignRecordId,
      missionId: world.foreignMissionId,
      changes: { observations: 'x' },
    },
  ]);
  for (const value of HOSTILE_VALUES) {
    if (typeof value === 'number' && Number.isInteger(value) && value === PROTOCOL_VERSION) continue;
    push(`protocolVersion = ${json(value)?.slice(0, 30)}`, [{ ...validMutation(note), changes: {} }], {
      protocolVersion: value,
    });
    push(`mutations = ${json(value)?.slice(0, 30)}`, value);
  }

  // ---- pull ---------------------------------------------------------------------------------------
  for (const value of [...HOSTILE_VALUES, ...HOSTILE_IDS]) {
    const pull = (label: string, body: unknown) =>
      add({
        label: `pull ${label}`,
        method: 'POST',
        url: '/api/sync/pull',
        headers: jsonHeaders(member),
        body: json(body),
      });
    pull(`cursors = ${json(value)?.slice(0, 30)}`, { protocolVersion: PROTOCOL_VERSION, cursors: value });
    if (typeof value === 'string') {
      pull(`cursor key ${json(value).slice(0, 30)}`, {
        protocolVersion: PROTOCOL_VERSION,
        cursors: JSON.parse(`{${json(value)}:0}`),
      });
    }
    pull(`cursor value ${json(value)?.slice(0, 30)}`, {
      protocolVersion: PROTOCOL_VERSION,
      cursors: { [world.missionId]: value },
    });
    pull(`limit ${json(value)?.slice(0, 30)}`, { protocolVersion: PROTOCOL_VERSION, cursors: {}, limit: value });
  }

  // ---- photos: missing, download ------------------------------------------------------------------
  for (const value of [...HOSTILE_VALUES, ...HOSTILE_IDS]) {
    const missing = (label: string, body: unknown) =>
      add({
        label: `missing ${label}`,
        method: 'POST',
        url: '/api/photos/missing',
        headers: jsonHeaders(member),
        body: json(body),
      });
    missing(`missionId ${json(value)?.slice(0, 30)}`, { missionId: value, hashes: [world.photoHash] });
    missing(`hashes ${json(value)?.slice(0, 30)}`, { missionId: world.missionId, hashes: value });
    missing(`hash ${json(value)?.slice(0, 30)}`, { missionId: world.missionId, hashes: [value] });
    if (typeof value === 'string') {
      add({
        label: `photo GET ${value.slice(0, 20)}`,
        method: 'GET',
        url: `/api/photos/${segment(value.slice(0, 200))}`,
        headers: member,
      });
    }
  }
  add({ label: 'foreign photo', method: 'GET', url: `/api/photos/${world.foreignPhotoHash}`, headers: member });

  // ---- tus: creation with one header wrong, and requests on someone else's upload -----------------
  const tusHeaders = (metadata: string, length = '1000') => ({
    ...member,
    'tus-resumable': '1.0.0',
    'upload-length': length,
    'upload-metadata': metadata,
  });
  const goodMeta = (missionId = world.missionId) =>
    `hash ${b64('b'.repeat(64))},missionId ${b64(missionId)},filetype ${b64('image/jpeg')}`;
  for (const value of [...HOSTILE_IDS, ...HOSTILE_VALUES]) {
    const text = typeof value === 'string' ? value : (json(value) ?? 'null');
    add({
      label: `tus missionId ${text.slice(0, 20)}`,
      method: 'POST',
      url: '/api/photos/uploads/',
      headers: tusHeaders(`hash ${b64('b'.repeat(64))},missionId ${b64(text)},filetype ${b64('image/jpeg')}`),
    });
    add({
      label: `tus hash ${text.slice(0, 20)}`,
      method: 'POST',
      url: '/api/photos/uploads/',
      headers: tusHeaders(`hash ${b64(text)},missionId ${b64(world.missionId)}`),
    });
    // A plain count of bytes is a length tus must accept; anything else is not one.
    if (/^\d{1,7}$/.test(text)) continue;
    add({
      label: `tus upload-length ${text.slice(0, 20)}`,
      method: 'POST',
      url: '/api/photos/uploads/',
      headers: tusHeaders(goodMeta(), text.slice(0, 100)),
    });
  }
  const creationHeaders: Record<string, string>[] = [
    { 'upload-concat': 'final;/api/photos/uploads/a /api/photos/uploads/b' },
    { 'upload-concat': 'partial' },
    { 'upload-defer-length': '1' },
    { 'tus-resumable': '0.2.2' },
    { 'upload-length': String(2 ** 53) },
    { 'upload-length': '99999999999' },
    { 'upload-metadata': 'hash' },
    { 'upload-metadata': '%%%,,,' },
    { 'upload-metadata': goodMeta(world.foreignMissionId) },
  ];
  for (const header of creationHeaders) {
    add({
      label: `tus creation ${json(header).slice(0, 50)}`,
      method: 'POST',
      url: '/api/photos/uploads/',
      headers: { ...tusHeaders(goodMeta()), ...header },
    });
  }
  const foreign = `/api/photos/uploads/${world.foreignUploadId}`;
  const ownLooking = `/api/photos/uploads/${'0'.repeat(32)}`;
  for (const method of ['HEAD', 'PATCH', 'DELETE']) {
    const headers = {
      ...member,
      'tus-resumable': '1.0.0',
      'upload-offset': '0',
      'content-type': 'application/offset+octet-stream',
    };
    for (const url of [
      foreign,
      `${ownLooking}?x=/${world.foreignUploadId}`,
      `${ownLooking}%2F..%2F${world.foreignUploadId}`,
      `/api/photos/uploads/..%2F..%2Fterrain.sqlite`,
      `/api/photos/uploads/${world.foreignUploadId}%00`,
      `/api/photos/uploads/${world.foreignUploadId}/..`,
      `${foreign}?`,
      `${foreign}#x`,
    ]) {
      add({
        label: `tus ${method} ${url.slice(20, 70)}`,
        method,
        url,
        headers,
        body: method === 'PATCH' ? 'xxxx' : undefined,
      });
    }
  }

  // ---- accounts: login, password, admin ------------------------------------------------------------
  for (const value of [...HOSTILE_VALUES.slice(0, 20), ...HOSTILE_IDS.slice(0, 10)]) {
    add({
      label: `login email ${json(value)?.slice(0, 30)}`,
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      body: json({ email: value, password: 'x' }),
    });
    add({
      label: `password change ${json(value)?.slice(0, 30)}`,
      method: 'POST',
      url: '/api/auth/password',
      headers: jsonHeaders(member),
      body: json({ currentPassword: value, newPassword: value }),
    });
  }
  for (const value of [...HOSTILE_VALUES, ...HOSTILE_IDS]) {
    const text = typeof value === 'string' ? value : (json(value) ?? 'null');
    add({
      label: `admin create user ${text.slice(0, 20)}`,
      method: 'POST',
      url: '/api/admin/users',
      headers: jsonHeaders(admin),
      body: json({ email: value, name: value, role: value, password: value }),
    });
    add({
      label: `admin add member ${text.slice(0, 20)}`,
      method: 'POST',
      url: `/api/admin/missions/${world.missionId}/members`,
      headers: jsonHeaders(admin),
      body: json({ userId: value }),
    });
    // A well-formed mission id is not hostile: an admin may add people to a mission not synced yet.
    const wellFormed = /^[0-9A-Za-z_-]{1,64}$/.test(text);
    for (const [method, url] of [
      ...(wellFormed ? [] : [['POST', `/api/admin/missions/${segment(text.slice(0, 200))}/members`]]),
      ['POST', `/api/admin/users/${segment(text.slice(0, 200))}/disable`],
      ['POST', `/api/admin/users/${segment(text.slice(0, 200))}/enable`],
      ['DELETE', `/api/admin/missions/${segment(text.slice(0, 200))}/members/${world.memberUserId}`],
      ['DELETE', `/api/admin/missions/${world.missionId}/members/${segment(text.slice(0, 200))}`],
    ]) {
      add({
        label: `admin ${method} ${url.slice(0, 60)}`,
        method,
        url,
        headers: jsonHeaders(admin),
        body: method === 'POST' ? json({ userId: world.memberUserId }) : undefined,
        // A mission id that is valid but unknown may be a no-op; a member is never removed here
        // because every id in these lists is malformed.
      });
    }
  }
  // A mission prepared on the server: each field of a valid request made wrong in turn (only the
  // bodies the shared schema refuses: a blank project is allowed), an unknown person, and another
  // mission's id, ours or not (409).
  const preparedMission = {
    id: '01HOSTILEPREPARED000000000',
    title: 'Mission préparée',
    project: '',
    startDate: '2024-09-02',
    endDate: '2024-09-06',
    members: [{ userId: world.memberUserId }],
  };
  const prepare = (label: string, body: unknown) =>
    add({
      label: `prepare mission ${label}`,
      method: 'POST',
      url: '/api/admin/missions',
      headers: jsonHeaders(admin),
      body: json(body),
    });
  for (const value of [...HOSTILE_VALUES, ...HOSTILE_IDS]) {
    const text = json(value)?.slice(0, 30);
    for (const field of ['id', 'title', 'project', 'startDate', 'endDate', 'members'] as const) {
      const body = { ...preparedMission, [field]: value };
      if (!createMissionRequestSchema.safeParse(body).success) prepare(`${field} = ${text}`, body);
    }
    const withMember = { ...preparedMission, members: [{ userId: value }] };
    if (!createMissionRequestSchema.safeParse(withMember).success) prepare(`members[0].userId = ${text}`, withMember);
  }
  prepare('end before start', { ...preparedMission, startDate: '2024-09-06', endDate: '2024-09-02' });
  prepare('unknown person', { ...preparedMission, members: [{ userId: '01HOSTILENOBODY00000000000' }] });
  prepare('on the member\u2019s mission', { ...preparedMission, id: world.missionId });
  prepare('on a foreign mission', { ...preparedMission, id: world.foreignMissionId });

  // The member on admin routes, whatever they send.
  for (const [method, url] of [
    ['GET', '/api/admin/users'],
    ['POST', '/api/admin/users'],
    ['GET', '/api/admin/missions'],
    ['POST', '/api/admin/missions'],
    ['GET', '/api/admin/accounts'],
    ['POST', `/api/admin/missions/${world.missionId}/members`],
    ['POST', `/api/admin/missions/${world.foreignMissionId}/members`],
    ['DELETE', `/api/admin/missions/${world.missionId}/members/${world.memberUserId}`],
    ['POST', `/api/admin/users/${world.memberUserId}/disable`],
    ['POST', `/api/admin/users/${world.adminUserId}/disable`],
  ]) {
    add({
      label: `member on ${method} ${url}`,
      method,
      url,
      headers: jsonHeaders(member),
      body:
        method === 'POST'
          ? json({
              ...preparedMission,
              userId: world.memberUserId,
              email: 'x@exemple.test',
              name: 'x',
              role: 'admin',
              password: 'x'.repeat(10),
            })
          : undefined,
    });
  }

  // An administrator may not lock themself (and so the last administrator) out.
  add({
    label: 'admin disables themself',
    method: 'POST',
    url: `/api/admin/users/${world.adminUserId}/disable`,
    headers: admin,
  });

  // ---- bodies and headers that are wrong in themselves, on every JSON endpoint ----------------------
  const jsonEndpoints: [string, Record<string, string>][] = [
    ['/api/auth/login', {}],
    ['/api/auth/password', member],
    ['/api/sync/push', member],
    ['/api/sync/pull', member],
    ['/api/photos/missing', member],
    ['/api/admin/users', admin],
    [`/api/admin/missions/${world.missionId}/members`, admin],
    ['/api/admin/missions', admin],
  ];
  const rawBodies: [string, BodyInit, Record<string, string>][] = [
    ['not json', 'pas du json', {}],
    ['nul bytes', '\u0000\u0000', {}],
    ['deep json', '['.repeat(100_000) + ']'.repeat(100_000), {}],
    ['unclosed', '{"a":'.repeat(10_000), {}],
    ['bad gzip', 'pas du gzip', { 'content-encoding': 'gzip' }],
    ['gzip bomb', new Uint8Array(gzipSync(Buffer.alloc(40 * 1024 * 1024, 32))), { 'content-encoding': 'gzip' }],
    ['br', '{}', { 'content-encoding': 'br' }],
    ['two encodings', '{}', { 'content-encoding': 'gzip, gzip' }],
    ['lying length', '{}', { 'content-length': '99999999999' }],
    ['negative length', '{}', { 'content-length': '-1' }],
    ['big body', `{"x":"${'a'.repeat(3 * 1024 * 1024)}"}`, {}],
  ];
  for (const [url, auth] of jsonEndpoints) {
    for (const [label, body, headers] of rawBodies) {
      add({ label: `${url} ${label}`, method: 'POST', url, headers: { ...jsonHeaders(auth), ...headers }, body });
    }
  }

  // ---- tokens ------------------------------------------------------------------------------------
  const tokenHeaders = [
    'Bearer',
    'Bearer ',
    `Bearer ${'é'.repeat(5_000)}`,
    `Bearer ${world.memberToken}x`,
    `Bearer ${world.memberToken.slice(0, -1)}`,
    'Bearer \u0000',
    `bearer  ${'a'.repeat(43)}`,
    'Basic YWRtaW46YWRtaW4=',
    `Bearer ${world.memberToken} ${world.adminToken}`,
  ];
  for (const authorization of tokenHeaders) {
    for (const [method, url] of [
      ['GET', '/api/auth/me'],
      ['POST', '/api/sync/push'],
      ['POST', '/api/sync/pull'],
      ['GET', '/api/admin/users'],
      ['POST', '/api/auth/logout'],
      ['GET', `/api/photos/${world.photoHash}`],
      ['HEAD', foreign],
    ]) {
      let safe = authorization;
      try {
        new Headers({ authorization: safe });
      } catch {
        safe = encodeURI(authorization);
      }
      add({
        label: `token ${authorization.slice(0, 20)} on ${url}`,
        method,
        url,
        headers: { authorization: safe, 'content-type': 'application/json', 'tus-resumable': '1.0.0' },
        body:
          method === 'POST'
            ? json({ protocolVersion: PROTOCOL_VERSION, clientId: 'x', mutations: [], cursors: {} })
            : undefined,
      });
    }
  }
  // Unknown API paths and methods.
  for (const [method, url] of [
    ['GET', '/api/'],
    ['PUT', '/api/sync/push'],
    ['DELETE', '/api/sync/pull'],
    ['GET', '/api/sync/push'],
    ['PATCH', '/api/auth/login'],
    ['GET', '/api/%00'],
    ['GET', '/api/photos/uploads/'],
    ['OPTIONS', '/api/photos/uploads/'],
    ['GET', `/api/photos/${pick([world.photoHash, world.foreignPhotoHash])}/..`],
  ]) {
    add({ label: `${method} ${url}`, method, url, headers: member });
  }
  return out;
}
