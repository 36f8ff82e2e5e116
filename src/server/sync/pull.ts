// Pull: the records of the user's missions changed after the device's per-mission cursors, in
// change-sequence order, in pages bounded in count and bytes. A record appears with its latest
// state only (a deleted one as a tombstone with data.deletedAt set). Cursors are sequence numbers,
// never clocks, and advance only to the last change actually sent or passed over (the pulling
// device's own latest changes are not sent back: its push answers carried them).
import type { ExpressionBuilder } from 'kysely';
import { PULL_PAGE_MAX_BYTES, PULL_PAGE_MAX_CHANGES } from '../../shared/constants';
import type { PullRequest, PullResponse, ServerRecord, User } from '../../shared/protocol';
import { departedMissionIds, missionIdsOf } from '../auth/users';
import type { Db } from '../db/database';
import type { Database } from '../db/schema';
import { ApiError } from '../errors';
import { PULLED_COLUMNS, pulledRecord } from './records';

/**
 * Missions grouped by cursor: one `(mission_id IN (…) AND seq > c)` term per distinct cursor. Each
 * mission's cursor moves on its own (below), so after a first pull there is about one term per
 * mission, each an index range on (mission_id, seq); missions new to the device share cursor 0.
 */
function byCursor(missions: string[], cursors: Record<string, number>): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const mission of missions) {
    const cursor = cursors[mission] ?? 0;
    groups.set(cursor, [...(groups.get(cursor) ?? []), mission]);
  }
  return groups;
}

/** `missions`: the user's missions when the caller has them (auth/middleware.ts callerMissionIds). */
export async function pullChanges(
  db: Db,
  user: User,
  request: PullRequest,
  { maxBytes = PULL_PAGE_MAX_BYTES, missions: given }: { maxBytes?: number; missions?: string[] } = {},
): Promise<PullResponse> {
  const missions = given ?? (await missionIdsOf(db, user));
  const allowed = new Set(missions);
  const foreign = Object.keys(request.cursors).filter((m) => !allowed.has(m));
  if (foreign.length > 0 && user.role !== 'admin') {
    // A cursor of a mission the user was removed from is only stale (the device learns from
    // `missions` and `cursors` below that it is gone); one of a mission never theirs is refused.
    const departed = await departedMissionIds(db, user.id);
    const probed = foreign.filter((m) => !departed.has(m));
    if (probed.length > 0) throw new ApiError(403, 'not-member', { missions, foreign: probed });
  }
  if (missions.length === 0) return { changes: [], cursors: {}, missions, hasMore: false };

  const limit = request.limit ?? PULL_PAGE_MAX_CHANGES;
  const groups = [...byCursor(missions, request.cursors).entries()];
  const rows = await db
    .selectFrom('records')
    .select(PULLED_COLUMNS)
    .where((eb: ExpressionBuilder<Database, 'records'>) =>
      eb.or(groups.map(([cursor, ids]) => eb.and([eb('mission_id', 'in', ids), eb('seq', '>', cursor)]))),
    )
    .orderBy('seq')
    .limit(limit + 1)
    .execute();

  // Each mission's cursor moves to the last of its changes this page sent or passed over: within a
  // mission no change with a smaller seq can commit later (sync/sequence.ts), across missions one
  // can (their writers do not wait for each other), so one mission's seq says nothing of another's.
  const cursors: Record<string, number> = {};
  for (const mission of missions) cursors[mission] = request.cursors[mission] ?? 0;
  const changes: ServerRecord[] = [];
  let bytes = 0;
  let passed = 0;
  for (const row of rows.slice(0, limit)) {
    // The device's own latest change, in a mission it holds (it sent a cursor for it): its push
    // answer carried the server's copy. Passed over, not sent, but the cursor moves past it. A
    // mission pulled from its start (no cursor: new to the device, or dropped and joined again)
    // comes whole, own changes included: the device may no longer hold them.
    const own =
      request.clientId !== undefined && row.last_client_id === request.clientId && row.mission_id in request.cursors;
    const size = own ? 0 : row.data.length + 200;
    // Always at least one change per page, so a single large record cannot block the pull.
    if (changes.length > 0 && bytes + size > maxBytes) break;
    bytes += size;
    passed += 1;
    cursors[row.mission_id] = Math.max(cursors[row.mission_id], Number(row.seq));
    if (!own) changes.push(pulledRecord(row));
  }
  const hasMore = passed < rows.length;
  return { changes, cursors, missions, hasMore };
}
