// Conflict records: when the same field was changed on two devices since their common version, the
// server keeps its value on the record and writes both values here. A conflict is an ordinary synced
// record (table `conflicts`), pulled by every member and settled by a person.
import type { Transaction } from 'kysely';
import { ulid } from 'ulid';
import type { Conflict } from '../../shared/model';
import type { Database } from '../db/schema';
import type { Author, FieldConflict, FieldMetaMap } from './merge';
import { type StoredRecord, saveRecord } from './records';
import { nextSeq } from './sequence';

export async function recordConflict(
  trx: Transaction<Database>,
  record: StoredRecord,
  conflict: FieldConflict,
  author: Author,
): Promise<string> {
  const id = ulid();
  const server = conflict.serverMeta;
  const data: Conflict = {
    id,
    missionId: record.missionId,
    createdAt: author.at,
    updatedAt: author.at,
    deletedAt: null,
    table: record.table,
    recordId: record.id,
    field: conflict.field,
    // Order is fixed: the value the record keeps first, the pushed value second.
    values: [
      {
        value: conflict.serverValue ?? null,
        by: server?.by ?? '',
        userId: server?.userId ?? '',
        at: server?.at ?? author.at,
      },
      { value: conflict.pushedValue, by: author.name, userId: author.userId, at: author.at },
    ],
    resolvedAt: null,
    resolvedBy: null,
  };
  const meta: FieldMetaMap = {};
  for (const field of Object.keys(data))
    meta[field] = { v: 1, userId: '', by: 'serveur', at: author.at, clientId: 'server' };
  const seq = await nextSeq(trx);
  await saveRecord(trx, { table: 'conflicts', id, missionId: record.missionId, version: 1, seq, data, meta }, true);
  return id;
}
