import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../src/db/schema';
import { intoBatches, squashOutbox } from '../../../src/sync/squash';

let next = 0;
function row(recordId: string, changes: Record<string, unknown>, extra: Partial<OutboxEntry> = {}): OutboxEntry {
  next += 1;
  return {
    mutationId: `m${String(next).padStart(4, '0')}`,
    table: 'visitNotes',
    recordId,
    missionId: 'mission-1',
    op: 'put',
    changes,
    baseVersion: 3,
    createdAt: '2024-07-22T10:00:00Z',
    ...extra,
  };
}

describe('squashing the outbox', () => {
  it('merges adjacent rows of one record: later values win, first baseVersion, last mutationId', () => {
    const rows = [
      row('n1', { observations: 'a', difficulties: 'x' }, { baseVersion: 2 }),
      row('n1', { observations: 'ab' }, { baseVersion: 3 }),
      row('n1', { observations: 'abc', recommendations: 'r' }, { baseVersion: 3 }),
    ];
    const [only, ...rest] = squashOutbox(rows);
    expect(rest).toEqual([]);
    expect(only.mutation).toMatchObject({
      mutationId: rows[2].mutationId,
      recordId: 'n1',
      op: 'put',
      baseVersion: 2,
      changes: { observations: 'abc', difficulties: 'x', recommendations: 'r' },
    });
    expect(only.rowIds).toEqual(rows.map((r) => r.mutationId));
  });

  it('gives the same mutation id when the same rows are sent again, so a replay is a duplicate', () => {
    const rows = [row('n1', { observations: 'a' }), row('n1', { observations: 'b' })];
    expect(squashOutbox(rows)[0].mutation.mutationId).toBe(squashOutbox([...rows])[0].mutation.mutationId);
  });

  it('keeps the order of changes across records and does not merge non-adjacent rows', () => {
    const rows = [row('n1', { a: 1 }), row('n2', { a: 2 }), row('n1', { a: 3 })];
    expect(squashOutbox(rows).map((s) => s.mutation.recordId)).toEqual(['n1', 'n2', 'n1']);
  });

  it('does not send refused rows, and they break a run', () => {
    const rows = [
      row('n1', { a: 1 }),
      row('n1', { a: 2 }, { rejected: { code: 'invalid-record', message: 'refusé' } }),
      row('n1', { a: 3 }),
    ];
    const squashed = squashOutbox(rows);
    expect(squashed.map((s) => s.rowIds)).toEqual([[rows[0].mutationId], [rows[2].mutationId]]);
  });

  it('sends a retried row alone, never under the id of its neighbours', () => {
    const rows = [row('n1', { a: 1 }), row('n1', { a: 2 }, { retried: true }), row('n1', { a: 3 })];
    expect(squashOutbox(rows).map((s) => s.rowIds)).toEqual([
      [rows[0].mutationId],
      [rows[1].mutationId],
      [rows[2].mutationId],
    ]);
  });

  it('sends a new record deleted before it was ever sent as one put carrying the tombstone', () => {
    const rows = [
      row('n1', { id: 'n1', observations: 'a' }, { baseVersion: 0 }),
      row('n1', { deletedAt: '2024-07-22T11:00:00Z' }, { op: 'delete', baseVersion: 0 }),
    ];
    const [only] = squashOutbox(rows);
    expect(only.mutation.op).toBe('put');
    expect(only.mutation.changes).toMatchObject({ id: 'n1', observations: 'a', deletedAt: '2024-07-22T11:00:00Z' });
  });

  it('does not change the outbox rows it reads', () => {
    const rows = [row('n1', { a: 1 }), row('n1', { a: 2 })];
    squashOutbox(rows);
    expect(rows[0].changes).toEqual({ a: 1 });
  });
});

describe('cutting mutations into push batches', () => {
  it('bounds batches by count and by size', () => {
    const squashed = squashOutbox(Array.from({ length: 5 }, (_, i) => row(`r${i}`, { text: 'x'.repeat(100) })));
    expect(intoBatches(squashed, 2).map((b) => b.length)).toEqual([2, 2, 1]);
    expect(intoBatches(squashed, 100, 500).map((b) => b.length)).toEqual([2, 2, 1]);
  });
});
