// Applies a pushed batch: each mutation at most once (its client-made id is remembered in
// applied_mutations per sender, account + device: a replay is answered `duplicate`), every pushed
// value checked against its field's schema, merged field by field, checked again as a whole
// (schema, policies) before anything is written; what is stored is the schema's output. The whole batch is one transaction: a crash
// mid-batch leaves nothing of it, and the device, which deletes its outbox rows only after the
// answer, sends it again.
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { type ErrorCode, errorMessages } from '../../shared/errors';
import { recordSchemas } from '../../shared/model';
import type { Mutation, MutationResult, PushRequest, User } from '../../shared/protocol';
import { addMember, missionIdsOf } from '../auth/users';
import type { Db } from '../db/database';
import type { Database } from '../db/schema';
import { photoHashRefusal } from '../photos/possession';
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

/**
 * This sender's earlier mutation with this id, if any. An id is the sender's (account + device):
 * another device's id equal to it is another change. Rows from before ids were scoped have no
 * device ('') and count for every device of their account.
 */
async function appliedBefore(ctx: PushContext, m: Mutation) {
  return ctx.trx
    .selectFrom('applied_mutations')
    .select(['table_name', 'record_id'])
    .where('user_id', '=', ctx.user.id)
    .where('client_id', 'in', [ctx.author.clientId, ''])
    .where('mutation_id', '=', m.mutationId)
    .executeTakeFirst();
}

/**
 * Each pushed value passed through its field's schema (the output keeps only known nested keys),
 * or null when one does not fit: checked before merging, so a bad value cannot even be kept in a
 * conflict, where every member's screens would meet it.
 */
function parsedChanges(m: Mutation): Record<string, unknown> | null {
  const shape = recordSchemas[m.table].shape as Record<string, z.ZodType>;
  const parsed: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(m.changes)) {
    const result = shape[field].safeParse(value);
    if (!result.success) return null;
    parsed[field] = result.data;
  }
  return parsed;
}

async function rememberApplied(ctx: PushContext, m: Mutation, version: number): Promise<void> {
  await ctx.trx
    .insertInto('applied_mutations')
    .values({
      mutation_id: m.mutationId,
      user_id: ctx.user.id,
      client_id: ctx.author.clientId,
      table_name: m.table,
      record_id: m.recordId,
      version,
      applied_at: ctx.author.at,
    })
    .execute();
}

async function applyMutation(ctx: PushContext, m: Mutation): Promise<MutationResult> {
  const { trx } = ctx;
  const done = await appliedBefore(ctx, m);
  if (done) {
    const record = await loadRecord(trx, done.table_name, done.record_id);
    const visible = record && canWrite(ctx, record.missionId);
    return { mutationId: m.mutationId, status: 'duplicate', record: visible ? toServerRecord(record) : null };
  }

  const current = await loadRecord(trx, m.table, m.recordId);
  const code = await refusal(ctx, m, current);
  if (code) return rejected(m, code);

  const pushed = parsedChanges(m);
  if (!pushed) return rejected(m, 'invalid-record');
  const changes = m.op === 'delete' ? { ...pushed, deletedAt: pushed.deletedAt ?? ctx.author.at } : pushed;
  const merged = mergeMutation(current, changes, m.baseVersion, ctx.author);
  // Nothing changes (only fields a device cannot move, values the server already has, a second
  // deletion): the mutation is acknowledged with the current record, and no version or sequence
  // is spent on it. Remembered, so a replay is still a `duplicate`.
  if (current && merged.changed.length === 0 && merged.conflicts.length === 0) {
    await rememberApplied(ctx, m, current.version);
    return { mutationId: m.mutationId, status: 'applied', record: toServerRecord(current), conflicts: [] };
  }
  if (!current) merged.data = await withFreeNumber(ctx.trx, m.table, m.missionId, merged.data);
  const whole = recordSchemas[m.table].safeParse(merged.data);
  if (!whole.success) return rejected(m, 'invalid-record');
  merged.data = whole.data as Record<string, unknown>;
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
  // A photo record names only a photo its mission holds (or may hold): photos/possession.ts.
  const claim =
    m.table === 'photos' && merged.data.hash !== current?.data.hash
      ? await photoHashRefusal(trx, ctx.user, m.missionId, merged.data.hash)
      : null;
  if (claim) return rejected(m, claim);

  const record: StoredRecord = {
    table: m.table,
    id: m.recordId,
    missionId: m.missionId,
    version: merged.version,
    seq: await nextSeq(trx),
    data: merged.data,
    meta: merged.meta,
    writtenBy: ctx.author.clientId,
  };
  await saveRecord(trx, record, current === null);
  const conflicts = [];
  for (const conflict of merged.conflicts) {
    conflicts.push({ field: conflict.field, conflictId: await recordConflict(trx, record, conflict, ctx.author) });
  }
  await rememberApplied(ctx, m, record.version);
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
  return db.transaction().execute((trx) => applyMutationsIn(trx, user, request.clientId, request.mutations));
}

/**
 * The push path inside a caller's transaction: also how the server writes a record on someone's
 * behalf (a mission prepared by an administrator, missions/createMission.ts), so such a record is
 * checked, versioned, sequenced and owned exactly like a pushed one.
 */
export async function applyMutationsIn(
  trx: Transaction<Database>,
  user: User,
  clientId: string,
  mutations: Mutation[],
): Promise<MutationResult[]> {
  await lockWriters(trx);
  const ctx: PushContext = {
    trx,
    user,
    missions: new Set(user.role === 'admin' ? [] : await missionIdsOf(trx, user)),
    author: { userId: user.id, name: user.name, at: new Date().toISOString(), clientId },
  };
  const results: MutationResult[] = [];
  for (const mutation of mutations) results.push(await applyMutation(ctx, mutation));
  return results;
}
