// A mission holds at most REPORT_LOGOS_MAX live logos (photo records of usage 'logo', not deleted).
// The app refuses a logo more, but two phones adding logos offline, or a hostile client, would
// pass it: the push refuses a `photos` write that makes one more live logo (a new one, a deleted
// one revived, a note's photo turned into a logo) when the mission already holds the limit.
// Counted in SQL inside the push transaction, after the writers' lock (sequence.ts): it sees every
// earlier push and what this batch wrote before, so the next logo of the same batch is refused too.
import type { Transaction } from 'kysely';
import { isLiveLogo, wouldExceedLogoLimit } from '../../shared/reportLogos';
import { recordDataField } from '../db/jsonField';
import type { Database } from '../db/schema';

/** The mission's live logos on the server, in this transaction. */
async function liveLogoCount(trx: Transaction<Database>, missionId: string): Promise<number> {
  const { count } = await trx
    .selectFrom('records')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('table_name', '=', 'photos')
    .where('mission_id', '=', missionId)
    .where(recordDataField(trx, 'usage'), '=', 'logo')
    .where(recordDataField(trx, 'deletedAt'), 'is', null)
    .executeTakeFirstOrThrow();
  return Number(count);
}

/**
 * 'too-many-logos' when writing `after` over `before` (null: a new record) would add a live logo
 * to a mission already holding REPORT_LOGOS_MAX; null otherwise. A write to a logo that is already
 * live (a caption, the same record again) is never refused: it adds none.
 */
export async function logoLimitRefusal(
  trx: Transaction<Database>,
  missionId: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): Promise<'too-many-logos' | null> {
  if (!isLiveLogo(after) || (before && isLiveLogo(before))) return null;
  return wouldExceedLogoLimit(await liveLogoCount(trx, missionId)) ? 'too-many-logos' : null;
}
