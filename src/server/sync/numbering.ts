// Numbers people read within a mission: TdR revision n, action point n, participant N°. Devices
// number new records themselves (they work offline), so two devices offline can both make revision
// 3. The server is the one place that sees both: a new record whose number is already taken in its
// mission gets the next free one. The device learns it from the push answer, the others from pull.
// Existing records keep their numbers: a move in the participant list is a person's choice.
//
// The number of every live record is also kept in the indexed column `records.live_number` (filled
// by saveRecord), so "is it taken" and "the highest" are SQL queries, the same on SQLite and
// PostgreSQL, however many records the mission holds.
import type { Transaction } from 'kysely';
import { RECORD_NUMBER_MAX, type SyncedTable } from '../../shared/model';
import type { Database } from '../db/schema';

const NUMBER_FIELD: Partial<Record<SyncedTable, string>> = {
  tdrRevisions: 'number',
  actionPoints: 'number',
  participants: 'order',
};

/** Whether the table's records carry a number people read (new ones may be renumbered). */
export const isNumbered = (table: SyncedTable) => NUMBER_FIELD[table] !== undefined;

/**
 * The number a record holds in its mission, for `records.live_number`: null when the table is not
 * numbered, the record is deleted (its number is free again), or the value is not a number a record
 * may have (an older server let any integer through).
 */
export function liveNumberOf(table: SyncedTable, data: Record<string, unknown>): number | null {
  const field = NUMBER_FIELD[table];
  if (!field || data.deletedAt) return null;
  const value = data[field];
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= RECORD_NUMBER_MAX
    ? value
    : null;
}

/**
 * The number a new record should have: its own when free among the mission's live records of that
 * table, else one more than the highest, or, when that would pass RECORD_NUMBER_MAX, the lowest
 * free number from 1 (a number at the bound must not make every later clash fail). When every
 * number is taken the record keeps its own: two records sharing a N° is better than refusing one.
 * Returns `data` unchanged for other tables.
 */
export async function withFreeNumber(
  trx: Transaction<Database>,
  table: SyncedTable,
  missionId: string,
  data: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const field = NUMBER_FIELD[table];
  const wanted = liveNumberOf(table, data);
  if (!field || wanted === null) return data;
  if (!(await isTaken(trx, table, missionId, wanted))) return data;
  const { highest } = await trx
    .selectFrom('records')
    .select((eb) => eb.fn.max('live_number').as('highest'))
    .where('table_name', '=', table)
    .where('mission_id', '=', missionId)
    .executeTakeFirstOrThrow();
  const next = Number(highest) + 1;
  if (next <= RECORD_NUMBER_MAX) return { ...data, [field]: next };
  const gap = await lowestFree(trx, table, missionId);
  return gap === null ? data : { ...data, [field]: gap };
}

async function isTaken(trx: Transaction<Database>, table: SyncedTable, missionId: string, n: number) {
  const row = await trx
    .selectFrom('records')
    .select('id')
    .where('table_name', '=', table)
    .where('mission_id', '=', missionId)
    .where('live_number', '=', n)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The lowest number from 1 that no live record of the table holds in the mission (null: none up to the bound). */
async function lowestFree(trx: Transaction<Database>, table: SyncedTable, missionId: string): Promise<number | null> {
  if (!(await isTaken(trx, table, missionId, 1))) return 1;
  // A free number follows a taken one: the smallest taken n whose n + 1 is free.
  const { gap } = await trx
    .selectFrom('records as taken')
    .select((eb) => eb.fn.min(eb('taken.live_number', '+', 1)).as('gap'))
    .where('taken.table_name', '=', table)
    .where('taken.mission_id', '=', missionId)
    .where('taken.live_number', '>=', 1)
    .where('taken.live_number', '<', RECORD_NUMBER_MAX)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('records as next')
            .select('next.id')
            .whereRef('next.table_name', '=', 'taken.table_name')
            .whereRef('next.mission_id', '=', 'taken.mission_id')
            .where((inner) => inner('next.live_number', '=', inner('taken.live_number', '+', 1))),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return gap === null ? null : Number(gap);
}
