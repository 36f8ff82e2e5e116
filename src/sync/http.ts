// One way to call the server: JSON in and out, bearer token, request bodies gzip-compressed when
// the browser can (CompressionStream), an idle timeout (idleTimeout.ts) that also covers reading
// the answer, and every failure turned into a SyncError with a named code: the server's
// (src/shared/errors.ts) or `network` when no answer came back.
import { type ErrorCode, errorMessages } from '../shared/errors';
import { bodySize, IdleTimeout } from './idleTimeout';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type SyncErrorCode = ErrorCode | 'network' | 'unexpected' | 'other-account-pending' | 'photo-not-confirmed';

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly status = 0,
    /** Values the app's message for this code needs (a name, a size). */
    readonly values: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'SyncError';
  }

  /** The session is gone: sync must stop until the person logs in again. */
  get needsLogin(): boolean {
    return this.status === 401 && (this.code === 'unauthorized' || this.code === 'session-expired');
  }
}

/** Words for failures that have no server message (the app translates them by code). */
export const networkError = () => new SyncError('network', 'Pas de connexion au serveur.');
export const unexpectedError = (what: string) =>
  new SyncError('unexpected', `Réponse inattendue du serveur (${what}).`);
/** tus said an upload was finished, yet the server does not list the photo as held: sent again later. */
export const photoNotConfirmedError = (count: number) =>
  new SyncError(
    'photo-not-confirmed',
    `Le serveur n’a pas confirmé ${count} photo(s) envoyée(s) : elles seront renvoyées.`,
    0,
    { count: String(count) },
  );

/**
 * What a failure means for the sync in progress: the one rule every step of sync goes by.
 * - `stop`: no answer from the server, the session is gone, or the failure is not the server's at
 *   all (a full device, a bug). Nothing else can work now: the whole sync ends, and the scheduler
 *   tries again later (or waits for a new login).
 * - `refused`: the server said no to this one item (4xx). The other items still go; this one is not
 *   resumed as it is (an upload starts afresh next time). Reported at the end of the sync.
 * - `retry-later`: the server failed (5xx), was too busy (429, 408) or its answer was not understood.
 *   The other items still go; this one is tried again, as it is, next time. Reported at the end.
 */
export type SyncFailure = 'stop' | 'refused' | 'retry-later';

/** 4xx answers that say "not now" rather than "no". */
const BUSY_STATUSES = new Set([408, 429]);

export function classifySyncFailure(error: unknown): SyncFailure {
  if (!(error instanceof SyncError) || error.code === 'network' || error.needsLogin) return 'stop';
  if (error.status >= 400 && error.status < 500 && !BUSY_STATUSES.has(error.status)) return 'refused';
  return 'retry-later';
}

/**
 * Collects the failures of one sync step by that rule: `keep` rethrows a failure that stops the
 * sync and remembers the first of the others; `throwIfAny` reports it once every item was tried.
 */
export class StepFailures {
  private first: SyncError | null = null;

  keep = (error: unknown): SyncFailure => {
    const kind = classifySyncFailure(error);
    if (kind === 'stop') throw error;
    this.first ??= error as SyncError;
    return kind;
  };

  throwIfAny(): void {
    if (this.first) throw this.first;
  }
}

export interface HttpClient {
  baseUrl: string;
  fetch: FetchLike;
  /** The bearer token, or null before the first login. */
  token: () => Promise<string | null>;
  /** Compress request bodies (default: when CompressionStream exists). */
  gzip?: boolean;
}

/** Below this, gzip's header costs about what it saves: small bodies go as they are. */
const GZIP_MIN_CHARS = 1024;

export async function gzipText(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function errorFrom(response: Response): Promise<SyncError> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  const code = body?.error?.code;
  if (code && code in errorMessages) {
    return new SyncError(code as ErrorCode, body?.error?.message ?? errorMessages[code as ErrorCode], response.status);
  }
  if (response.status >= 500) return new SyncError('internal', errorMessages.internal, response.status);
  return unexpectedError(`HTTP ${response.status}`);
}

/** Sends a request and returns the raw response, throwing a SyncError unless it is 2xx. */
export async function send(
  client: HttpClient,
  method: string,
  path: string,
  body?: unknown,
  options: { auth?: boolean; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.auth !== false) {
    const token = await client.token();
    if (!token) throw new SyncError('unauthorized', errorMessages.unauthorized, 401);
    headers.Authorization = `Bearer ${token}`;
  }
  let payload: BodyInit | undefined;
  if (body !== undefined) {
    const json = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
    const compress = client.gzip ?? typeof CompressionStream !== 'undefined';
    if (compress && json.length > GZIP_MIN_CHARS) {
      headers['Content-Encoding'] = 'gzip';
      payload = (await gzipText(json)) as BodyInit;
    } else payload = json;
  }
  let response: Response;
  const timeout = new IdleTimeout(bodySize(payload));
  try {
    response = await client.fetch(`${client.baseUrl}${path}`, {
      method,
      headers,
      body: payload,
      signal: timeout.signal,
    });
  } catch {
    timeout.stop();
    throw networkError();
  }
  // Reading the body is watched too: a stalled answer fails, a slow one that keeps coming does not.
  response = timeout.watch(response);
  if (!response.ok) throw await errorFrom(response);
  return response;
}

/** Sends a request and reads its JSON answer through `parse` (a zod schema's parse, usually). */
export async function requestJson<T>(
  client: HttpClient,
  method: string,
  path: string,
  body: unknown,
  parse: (value: unknown) => T,
  options: { auth?: boolean } = {},
): Promise<T> {
  const response = await send(client, method, path, body, options);
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw networkError(); // the connection dropped while the answer was arriving
  }
  try {
    return parse(JSON.parse(text));
  } catch {
    throw unexpectedError(`${method} ${path}`);
  }
}
