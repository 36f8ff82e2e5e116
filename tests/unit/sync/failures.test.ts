// The one rule sync goes by when something fails: stop the whole sync, skip a refused item, or
// leave an item to retry as it is (src/sync/http.ts).
import { describe, expect, it } from 'vitest';
import { errorMessages } from '../../../src/shared/errors';
import { classifySyncFailure, networkError, StepFailures, SyncError } from '../../../src/sync/http';

const answer = (code: keyof typeof errorMessages, status: number) => new SyncError(code, errorMessages[code], status);

describe('what a sync failure means', () => {
  it('stops the sync with no link, no session, or a failure that is not the server’s', () => {
    expect(classifySyncFailure(networkError())).toBe('stop');
    expect(classifySyncFailure(answer('unauthorized', 401))).toBe('stop');
    expect(classifySyncFailure(answer('session-expired', 401))).toBe('stop');
    expect(classifySyncFailure(new DOMException('full', 'QuotaExceededError'))).toBe('stop');
  });

  it('skips an item the server refused, and retries as it is one it could not handle now', () => {
    expect(classifySyncFailure(answer('photo-hash-mismatch', 400))).toBe('refused');
    expect(classifySyncFailure(answer('not-member', 403))).toBe('refused');
    expect(classifySyncFailure(answer('internal', 500))).toBe('retry-later');
    expect(classifySyncFailure(answer('server-busy', 429))).toBe('retry-later');
    expect(classifySyncFailure(new SyncError('unexpected', 'Réponse inattendue'))).toBe('retry-later');
  });

  it('collects the first non-stopping failure of a step and rethrows a stopping one at once', () => {
    const failures = new StepFailures();
    const refused = answer('not-member', 403);
    failures.keep(refused);
    failures.keep(answer('internal', 500));
    expect(() => failures.keep(networkError())).toThrow(SyncError);
    expect(() => failures.throwIfAny()).toThrow(refused);
  });
});
