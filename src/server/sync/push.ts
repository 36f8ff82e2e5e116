// Applies a pushed batch: each mutation at most once (its client-made id is remembered in
// applied_mutations per sender, account + device: a replay is answered `duplicate`), every pushed
// value checked against its field's schema, merged field by field, checked again as a whole
// (schema, policies) before anything is written; what is stored is the schema's output. The whole batch is one transaction: a crash
// mid-batch leaves nothing of it, and the device, which deletes its outbox rows only after the
// answer, sends it again.
//
// Round trips are what a PostgreSQL push pays for while it holds its missions' lock (sequence.ts).
// - A batch of plain writes (notes and the like) and photo records holds it for one statement: read
//   and merged unlocked, then written by a statement that locks, checks what the batch read and
//   commits (unlockedWrite.ts). Two round trips, and one more per new photo hash (its possession).
// - Any other batch (and SQLite's every batch, or a plain one whose read went stale) takes the lock
//   with its block of sequence numbers in one statement, reads the sender's earlier mutation ids
//   and the records it touches in one more (batchState.ts), writes its plain records together, and
//   remembers the ids it applied in one insert at the end (with the last writes, on PostgreSQL).
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { type ErrorCode, errorMessages } from '../../shared/errors';
import { recordSchemas } from '../../shared/model';
import type { Mutation, MutationResult, PushRequest, User } from '../../shared/protocol';
import { addMember, missionIdsOf } from '../auth/users';
import { type Db, isPostgres } from '../db/database';
import type { AppliedMutationsTable, Database, PhotoRefsTable } from '../db/schema';
import { photoHashRefusal } from '../photos/possession';
import { type AppliedMutation, type BatchState, loadBatchState } from './batchState';
import { recordConflict } from './conflicts';
import { logoLimitRefusal } from './logoLimit';
import { type Author, mergeMutation } from './merge';
import { isNumbered, withFreeNumber } from './numbering';
import { checkPolicy } from './policies';
import { loadRecord, recordKey, type StoredRecord, saveRecord, toServerRecord, upsertRecords } from './records';
import { lockMissions, releaseSeqs } from './sequence';
import { StaleBatchRead, writeUnlocked } from './unlockedWrite';

interface PushContext {
  trx: Transaction<Database>;
  /**
   * Where reads the missions' lock does not protect go (a photo's possession: uploads never take
   * it): the transaction, or the database for an unlocked batch.
   */
  reads: Kysely<Database>;
  /** An unlocked batch's photo references, written with its records; null: written at once. */
  pendingRefs: PhotoRefsTable[] | null;
  user: User;
  /** Missions the user belongs to (unused for an admin, who may write everywhere). */
  missions: Set<string>;
  author: Author;
  /** This sender's mutations applied before or earlier in this batch, by mutation id. */
  applied: Map<string, AppliedMutation>;
  /** The records this batch touches as they stand now (null: not on the server), by recordKey. */
  records: Map<string, StoredRecord | null>;
  /** Sequence numbers reserved for this batch, handed out in order (`used` of them so far). */
  seqs: { reserved: number[]; used: number };
  /** Rows for applied_mutations, inserted together at the end. */
  remembered: Array<{ mutationId: string; table: string; recordId: string; version: number }>;
  /** Plain writes not yet made (see `isPlainTable`): made before any other statement. */
  unwritten: StoredRecord[];
}

/**
 * A write whose checks read nothing from the database, so it can wait and go with the next ones in
 * one statement: a phone's batch of notes is one round trip while the writers' lock is held, not
 * one per note. Not a mission (membership), a photo (possession, logo count), a numbered record
 * (free numbers are read in SQL), a replay, or a write with conflicts (recorded at once). Anything
 * else first makes the waiting writes (writeWaiting), so every read sees this batch's earlier ones.
 */
function isPlainTable(m: Mutation): boolean {
  return m.table !== 'missions' && m.table !== 'photos' && !isNumbered(m.table);
}

/**
 * A batch's context once its state is read; `reserved`: its sequence numbers (stand-ins when
 * unlocked); `unlocked`: the database an unlocked batch reads from (it has no transaction).
 */
function newContext(
  trx: Transaction<Database>,
  user: User,
  clientId: string,
  missions: string[],
  { applied, records }: BatchState,
  reserved: number[],
  unlocked?: Db,
): PushContext {
  return {
    trx,
    reads: unlocked ?? trx,
    pendingRefs: unlocked ? [] : null,
    user,
    missions: new Set(missions),
    author: { userId: user.id, name: user.name, at: new Date().toISOString(), clientId },
    applied,
    records,
    seqs: { reserved, used: 0 },
    remembered: [],
    unwritten: [],
  };
}

/** The waiting writes, taken: a record written twice in the batch once, as it ended (one statement may not touch a row twice). */
function takeWaiting(ctx: PushContext): StoredRecord[] {
  return [...new Map(ctx.unwritten.splice(0).map((record) => [recordKey(record.table, record.id), record])).values()];
}

async function writeWaiting(ctx: PushContext): Promise<void> {
  const records = takeWaiting(ctx);
  if (records.length > 0) await upsertRecords(ctx.trx, records).execute();
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

function rememberApplied(ctx: PushContext, m: Mutation, version: number): void {
  ctx.applied.set(m.mutationId, { table_name: m.table, record_id: m.recordId });
  ctx.remembered.push({ mutationId: m.mutationId, table: m.table, recordId: m.recordId, version });
}

/** The rows of applied_mutations for the ids this batch applied. */
function appliedRows(ctx: PushContext): AppliedMutationsTable[] {
  return ctx.remembered.map((r) => ({
    mutation_id: r.mutationId,
    user_id: ctx.user.id,
    client_id: ctx.author.clientId,
    table_name: r.table,
    record_id: r.recordId,
    version: r.version,
    applied_at: ctx.author.at,
  }));
}

/**
 * The batch's last waiting writes and the ids it applied. On PostgreSQL one statement (the writes
 * in a WITH, which PostgreSQL runs to completion whatever the main statement reads): one round trip
 * less while the missions are locked. SQLite has no writes in a WITH: two statements, in process.
 */
async function finishBatch(ctx: PushContext): Promise<void> {
  await releaseSeqs(ctx.trx, ctx.seqs.reserved, ctx.seqs.used);
  const records = takeWaiting(ctx);
  const remembered = appliedRows(ctx);
  if (records.length > 0 && remembered.length > 0 && isPostgres(ctx.trx)) {
    await ctx.trx
      .with('written', (db) => upsertRecords(db, records))
      .insertInto('applied_mutations')
      .values(remembered)
      .execute();
    return;
  }
  if (records.length > 0) await upsertRecords(ctx.trx, records).execute();
  if (remembered.length > 0) await ctx.trx.insertInto('applied_mutations').values(remembered).execute();
}

function takeSeq(ctx: PushContext): number {
  const seq = ctx.seqs.reserved[ctx.seqs.used++];
  if (seq === undefined) throw new Error('push : plus de numéros de séquence réservés');
  return seq;
}

async function applyMutation(ctx: PushContext, m: Mutation): Promise<MutationResult> {
  const { trx } = ctx;
  const done = ctx.applied.get(m.mutationId);
  if (done) {
    const record = await loadRecord(trx, done.table_name, done.record_id);
    const visible = record && canWrite(ctx, record.missionId);
    return { mutationId: m.mutationId, status: 'duplicate', record: visible ? toServerRecord(record) : null };
  }

  const current = ctx.records.get(recordKey(m.table, m.recordId)) ?? null;
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
    rememberApplied(ctx, m, current.version);
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
  // At most REPORT_LOGOS_MAX live logos per mission, this batch's earlier writes counted: logoLimit.ts.
  const logos =
    m.table === 'photos' ? await logoLimitRefusal(trx, m.missionId, current?.data ?? null, merged.data) : null;
  if (logos) return rejected(m, logos);
  // A photo record names only a photo its mission holds (or may hold): photos/possession.ts.
  const claim =
    m.table === 'photos' && merged.data.hash !== current?.data.hash
      ? await photoHashRefusal(ctx.reads, ctx.user, m.missionId, merged.data.hash)
      : null;
  // Refused under the lock only, where this batch's earlier photo references count (an unlocked
  // batch writes them at its end): a claim accepted without them is accepted with them.
  if (claim && ctx.pendingRefs) throw new NeedsLockedPath('push : revendication de photo à revoir sous le verrou');
  if (claim) return rejected(m, claim);

  const record: StoredRecord = {
    table: m.table,
    id: m.recordId,
    missionId: m.missionId,
    version: merged.version,
    seq: takeSeq(ctx),
    data: merged.data,
    meta: merged.meta,
    writtenBy: ctx.author.clientId,
  };
  // An unlocked batch writes everything at its end (a conflict, which it cannot record, sends it
  // to the locked path).
  if ((isPlainTable(m) || ctx.pendingRefs) && merged.conflicts.length === 0) ctx.unwritten.push(record);
  else {
    await writeWaiting(ctx);
    await saveRecord(trx, record, current === null);
  }
  ctx.records.set(recordKey(record.table, record.id), record);
  const conflicts = [];
  for (const conflict of merged.conflicts) {
    conflicts.push({ field: conflict.field, conflictId: await recordConflict(trx, record, conflict, ctx.author) });
  }
  rememberApplied(ctx, m, record.version);
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
    const ref = { hash: String(record.data.hash), mission_id: record.missionId };
    if (ctx.pendingRefs) ctx.pendingRefs.push(ref);
    else
      await ctx.trx
        .insertInto('photo_refs')
        .values(ref)
        .onConflict((oc) => oc.columns(['hash', 'mission_id']).doNothing())
        .execute();
  }
}

/** `memberships`: the user's missions when the caller has them (read with the session). */
export async function applyPush(
  db: Db,
  user: User,
  request: PushRequest,
  memberships?: string[],
): Promise<MutationResult[]> {
  // Read before the transaction, so not while the missions are locked: membership is not what the
  // lock protects (it changes by other paths), and a device pushes a new mission before its records.
  const missions = user.role === 'admin' ? [] : (memberships ?? (await missionIdsOf(db, user)));
  if (isPostgres(db) && request.mutations.length > 0 && request.mutations.every(mayGoUnlocked)) {
    const results = await applyUnlocked(db, user, request.clientId, request.mutations, missions);
    if (results) return results;
  }
  return db.transaction().execute((trx) => applyMutationsIn(trx, user, request.clientId, request.mutations, missions));
}

/**
 * What an unlocked batch may hold: plain writes, and photo records (their checks read possessions,
 * which the lock does not protect; a logo's, which counts the mission's logos, needs the lock and
 * sends the batch there).
 */
function mayGoUnlocked(m: Mutation): boolean {
  return isPlainTable(m) || m.table === 'photos';
}

/** Thrown by the stand-in transaction of an unlocked batch: this batch needs the database before it writes. */
class NeedsLockedPath extends Error {}

/**
 * What an unlocked batch has instead of a transaction: any use (a replay's record to read, a
 * conflict to record) means the batch is not plain after all, and it goes the locked path.
 */
const noTransaction = new Proxy(
  {},
  {
    get() {
      throw new NeedsLockedPath('push : ce lot a besoin de la base avant d’écrire');
    },
  },
) as Transaction<Database>;

/**
 * A batch of plain writes on PostgreSQL, read and merged without the lock and written in one
 * statement (unlockedWrite.ts); null when it must go the locked path instead (a replay, a conflict,
 * or something it read changed before it wrote: nothing of it was kept).
 */
async function applyUnlocked(
  db: Db,
  user: User,
  clientId: string,
  mutations: Mutation[],
  missions: string[],
): Promise<MutationResult[] | null> {
  const state = await loadBatchState(db, user, clientId, mutations);
  // Stand-ins, below zero: the statement draws the real numbers once the missions are locked.
  const standIns = mutations.map((_, i) => -1 - i);
  const ctx = newContext(noTransaction, user, clientId, missions, state, standIns, db);
  const results: MutationResult[] = [];
  try {
    for (const mutation of mutations) {
      // A replay (of an earlier batch, or within this one) answers with a record read: locked path.
      if (ctx.applied.has(mutation.mutationId)) return null;
      results.push(await applyMutation(ctx, mutation));
    }
    const written = takeWaiting(ctx);
    const remembered = appliedRows(ctx);
    if (written.length === 0 && remembered.length === 0) return results; // every mutation refused
    const seqs = await writeUnlocked(db, written, ctx.seqs.used, remembered, ctx.pendingRefs ?? []);
    for (const result of results) {
      if (result.status !== 'applied' || result.record.seq >= 0) continue;
      const seq = seqs.get(result.record.seq);
      if (seq === undefined) throw new Error(`push : pas de numéro de séquence pour ${result.record.seq}`);
      result.record.seq = seq;
    }
    return results;
  } catch (error) {
    if (error instanceof NeedsLockedPath || error instanceof StaleBatchRead) return null;
    throw error;
  }
}

/**
 * The push path inside a caller's transaction: also how the server writes a record on someone's
 * behalf (a mission prepared by an administrator, missions/createMission.ts), so such a record is
 * checked, versioned, sequenced and owned exactly like a pushed one. `missions`: the user's
 * missions when the caller has read them.
 */
export async function applyMutationsIn(
  trx: Transaction<Database>,
  user: User,
  clientId: string,
  mutations: Mutation[],
  missions?: string[],
): Promise<MutationResult[]> {
  // First, the writers' lock of the batch's missions (sequence.ts) with a block of numbers, one per
  // mutation at most (unused ones are given back at the end), in one statement: every read after it
  // sees all earlier writes to these missions.
  const reserved = await lockMissions(
    trx,
    mutations.map((m) => m.missionId),
    mutations.length,
  );
  const state = await loadBatchState(trx, user, clientId, mutations);
  const members = user.role === 'admin' ? [] : (missions ?? (await missionIdsOf(trx, user)));
  const ctx = newContext(trx, user, clientId, members, state, reserved);
  const results: MutationResult[] = [];
  for (const mutation of mutations) {
    if (!isPlainTable(mutation) || ctx.applied.has(mutation.mutationId)) await writeWaiting(ctx);
    results.push(await applyMutation(ctx, mutation));
  }
  await finishBatch(ctx);
  return results;
}
