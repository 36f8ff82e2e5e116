// Applies a pushed batch: each mutation at most once (its client-made id is remembered in
// applied_mutations, a replay is answered `duplicate`), merged field by field, checked (access,
// schema, policies) before anything is written. The whole batch is one transaction: a crash
// mid-batch leaves nothing of it, and the device, which deletes its outbox rows only after the
// answer, sends it again.
import type { Transaction } from 'kysely';
import { type ErrorCode, errorMessages } from '../../shared/errors';
import { recordSchemas } from '../../shared/model';
import type { Mutation, MutationResult, PushRequest, User } from '../../shared/protocol';
import { addMember, missionIdsOf } from '../auth/users';
import type { Db } from '../db/database';
import type { Database } from '../db/schema';
import { recordConflict } from './conflicts';
import { type Author, mergeMutation } from './merge';
import { withFreeNumber } from './numbering';
import { checkPolicy } from './policies';
import { loadRecord, type StoredRecord, saveRecord, toServerRecord } from './records';
import { lockWriters, nextSeq } from './sequence';

interface PushContext {
  trx: Transaction<Database>;
  user: User;
  /** Missions the user belongs to (unused for an admin, who may write everywhere). */
  missions: Set<string>;
  author: Author;
}

const rejected = (m: Mutation, code: ErrorCode): MutationResult => ({
  mutationId: m.mutationId,
  status: 'rejected',
  code,
  message: errorMessages[code],
});

const canWrite = (ctx: PushContext, missionId: string) => ctx.user.role === 'admin' || ctx.missions.has(missionId);

/** A `missions` record nobody owns yet may be created by anyone: its author becomes its member. */
async function isNewMission(ctx: PushContext, m: Mutation, current: StoredRecord | null): Promise<boolean> {
  if (m.table !== 'missions' || current || m.op !== 'put') return false;
  const owner = await ctx.trx
    .selectFrom('mission_members')
    .select('user_id')
    .where('mission_id', '=', m.missionId)
    .executeTakeFirst();
  return owner === undefined;
}

async function refusal(ctx: PushContext, m: Mutation, current: StoredRecord | null): Promise<ErrorCode | null> {
  if (!canWrite(ctx, m.missionId) && !(await isNewMission(ctx, m, current))) return 'not-member';
  if (current && current.missionId !== m.missionId) return 'mission-mismatch';
  if (m.changes.missionId !== undefined && m.changes.missionId !== m.missionId) return 'mission-mismatch';
  if (m.changes.id !== undefined && m.changes.id !== m.recordId) return 'invalid-record';
  if (m.table === 'missions' && m.recordId !== m.missionId) return 'invalid-record';
  // Own keys only: `constructor` or `__proto__` must not pass for fields of the table.
  const known = recordSchemas[m.table].shape;
  if (Object.keys(m.changes).some((field) => !Object.hasOwn(known, field))) return 'invalid-record';
  if (!current && m.op === 'delete') return 'not-found';
  return null;
}

async function applyMutation(ctx: PushContext, m: Mutation): Promise<MutationResult> {
  const { trx } = ctx;
  const done = await trx
    .selectFrom('applied_mutations')
    .select(['table_name', 'record_id'])
    .where('mutation_id', '=', m.mutationId)
    .executeTakeFirst();
  if (done) {
    const record = await loadRecord(trx, done.table_name, done.record_id);
    const visible = record && canWrite(ctx, record.missionId);
    return { mutationId: m.mutationId, status: 'duplicate', record: visible ? toServerRecord(record) : null };
  }

  const current = await loadRecord(trx, m.table, m.recordId);
  const code = await refusal(ctx, m, current);
  if (code) return rejected(m, code);

  const changes = m.op === 'delete' ? { ...m.changes, deletedAt: m.changes.deletedAt ?? ctx.author.at } : m.changes;
  const merged = mergeMutation(current, changes, m.baseVersion, ctx.author);
  if (!current) merged.data = await withFreeNumber(ctx.trx, m.table, m.missionId, merged.data);
  if (!recordSchemas[m.table].safeParse(merged.data).success) return rejected(m, 'invalid-record');
  const policy = checkPolicy({
    user: ctx.user,
    table: m.table,
    op: m.op,
    before: current?.data ?? null,
    after: merged.data,
    changed: merged.changed,
    conflicted: merged.conflicts.map((c) => c.field),
  });
  if (policy) return rejected(m, policy.code);

  const record: StoredRecord = {
    table: m.table,
    id: m.recordId,
    missionId: m.missionId,
    version: merged.version,
    seq: await nextSeq(trx),
    data: merged.data,
    meta: merged.meta,
  };
  await saveRecord(trx, record, current === null);
  const conflicts = [];
  for (const conflict of merged.conflicts) {
    conflicts.push({ field: conflict.field, conflictId: await recordConflict(trx, record, conflict, ctx.author) });
  }
  await trx
    .insertInto('applied_mutations')
    .values({
      mutation_id: m.mutationId,
      user_id: ctx.user.id,
      table_name: m.table,
      record_id: m.recordId,
      version: record.version,
      applied_at: ctx.author.at,
    })
    .execute();
  await afterWrite(ctx, record, current === null);
  return { mutationId: m.mutationId, status: 'applied', record: toServerRecord(record), conflicts };
}

/** What a write implies beyond the record: membership of a new mission, who may fetch a photo. */
async function afterWrite(ctx: PushContext, record: StoredRecord, isNew: boolean): Promise<void> {
  if (record.table === 'missions' && isNew) {
    await addMember(ctx.trx, record.missionId, ctx.user.id);
    ctx.missions.add(record.missionId);
  }
  if (record.table === 'photos') {
    await ctx.trx
      .insertInto('photo_refs')
      .values({ hash: String(record.data.hash), mission_id: record.missionId })
      .onConflict((oc) => oc.columns(['hash', 'mission_id']).doNothing())
      .execute();
  }
}

export async function applyPush(db: Db, user: User, request: PushRequest): Promise<MutationResult[]> {
  return db.transaction().execute(async (trx) => {
    await lockWriters(trx);
    const ctx: PushContext = {
      trx,
      user,
      missions: new Set(user.role === 'admin' ? [] : await missionIdsOf(trx, user)),
      author: { userId: user.id, name: user.name, at: new Date().toISOString(), clientId: request.clientId },
    };
    const results: MutationResult[] = [];
    for (const mutation of request.mutations) results.push(await applyMutation(ctx, mutation));
    return results;
  });
}
