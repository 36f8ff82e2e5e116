// The device database's named failures, recognised by their class or name, never by their text:
// a validated note refusing a change, and a full device (however Dexie wraps the browser's error).

/** A validated note is read-only for the member saving it (the server refuses the change too). */
export class NoteReadOnlyError extends Error {
  override name = 'NoteReadOnlyError';
  constructor() {
    super('This visit note is validated: it cannot be changed on this device.');
  }
}

/** Both the browser's DOMException and Dexie's own error for a full device carry this name. */
const QUOTA_ERROR_NAME = 'QuotaExceededError';

/** Errors Dexie or a caller may have wrapped around another: where the earlier ones are kept. */
interface WrappingError {
  name?: unknown;
  /** Dexie's errors (AbortError when a transaction is refused at commit, QuotaExceededError…). */
  inner?: unknown;
  /** Standard error chaining (`new Error(message, { cause })`). */
  cause?: unknown;
  /** Dexie's BulkError (bulkAdd, bulkPut) and ModifyError (Collection.modify): one per failed write. */
  failures?: unknown;
}

/**
 * True when a write failed because the device's storage is full, looking through every wrapping:
 * Chromium refuses the whole transaction at commit, so the quota error usually arrives as the
 * `inner` of Dexie's AbortError, and a bulk write lists it among its failures.
 */
export function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  // Bounded: a wrapped error is a small tree, and a cycle or a huge failure list must not hang a save.
  while (queue.length > 0 && seen.size < 100) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null || seen.has(next)) continue;
    seen.add(next);
    const e = next as WrappingError;
    if (e.name === QUOTA_ERROR_NAME) return true;
    queue.push(e.inner, e.cause);
    if (Array.isArray(e.failures)) queue.push(...e.failures.slice(0, 50));
  }
  return false;
}
