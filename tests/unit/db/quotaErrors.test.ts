// A full device must read "storage full" however the error reaches the screen: Dexie wraps the
// browser's QuotaExceededError in its own errors (an AbortError when the transaction is refused at
// commit, a BulkError or ModifyError listing each failed write), and a save may rethrow with a cause.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { failureOf } from '../../../src/app/screens/missions/form/saving';
import { isQuotaError, NoteReadOnlyError } from '../../../src/db/errors';
import { createVisitNote, saveVisitNote } from '../../../src/db/repositories/visitNotes';
import { db } from '../../../src/db/schema';

const browserQuota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('recognising a full device', () => {
  it('finds the browser’s quota error however Dexie wraps it', () => {
    expect(isQuotaError(browserQuota())).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    // Refused at commit: the transaction's AbortError carries the quota error inside.
    expect(isQuotaError(new Dexie.AbortError(browserQuota()))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', browserQuota()))).toBe(true);
    // bulkAdd / bulkPut: one failure per refused write.
    expect(
      isQuotaError(new Dexie.BulkError('2 of 3 failed', { 1: new Dexie.ConstraintError('dup'), 2: browserQuota() })),
    ).toBe(true);
    // Collection.modify: its failures.
    expect(isQuotaError(new Dexie.ModifyError('modify failed', [new Dexie.AbortError(browserQuota())], 0, []))).toBe(
      true,
    );
    // Rethrown by a caller with the original as its cause, then wrapped again.
    expect(isQuotaError(new Dexie.AbortError(new Error('save failed', { cause: browserQuota() })))).toBe(true);
  });

  it('tells other failures apart', () => {
    expect(isQuotaError(new Dexie.AbortError())).toBe(false);
    expect(isQuotaError(new Dexie.BulkError('dup', { 0: new Dexie.ConstraintError('dup') }))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false); // a message is not a name
    expect(isQuotaError(new NoteReadOnlyError())).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });

  it('does not loop on an error that contains itself', () => {
    const looped = new Dexie.AbortError('aborted') as Error & { inner: unknown };
    looped.inner = looped;
    const bulk = new Dexie.BulkError('x', { 0: looped });
    expect(isQuotaError(bulk)).toBe(false);
  });

  it('is what the mission forms show: storage full, not "save failed"', () => {
    expect(failureOf(new Dexie.AbortError(browserQuota()))).toBe('quota');
    expect(failureOf(new Dexie.BulkError('x', { 0: browserQuota() }))).toBe('quota');
    expect(failureOf(new Dexie.DatabaseClosedError())).toBe('save-failed');
  });
});

describe('a validated note', () => {
  it('refuses a save with a named error, whatever its message says', async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
    const note = await createVisitNote('m1', 'c1');
    await db.visitNotes.update(note.id, { state: 'validee' });
    await expect(saveVisitNote(note.id, { observations: 'tard' })).rejects.toBeInstanceOf(NoteReadOnlyError);
  });
});
