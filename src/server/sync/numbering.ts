// Numbers people read within a mission: TdR revision n, action point n, participant N°. Devices
// number new records themselves (they work offline), so two devices offline can both make revision
// 3. The server is the one place that sees both: a new record whose number is already taken in its
// mission gets the next free one. The device learns it from the push answer, the others from pull.
// Existing records keep their numbers: a move in the participant list is a person's choice.
import type { Transaction } from 'kysely';
import type { SyncedTable } from '../../shared/model';
import type { Database } from '../db/schema';

const NUMBER_FIELD: Partial<Record<SyncedTable, string>> = {
  tdrRevisions: 'number',
  actionPoints: 'number',
  participants: 'order',
};

/**
 * The number a new record should have: its own when free among the mission's live records of that
 * table, else one more than the highest. Returns `data` unchanged for other tables.
 */
export async function withFreeNumber(
  trx: Transaction<Database>,
  table: SyncedTable,
  missionId: string,
  data: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const field = NUMBER_FIELD[table];
  if (!field || typeof data[field] !== 'number' || data.deletedAt) return data;
  const rows = await trx
    .selectFrom('records')
    .select('data')
    .where('table_name', '=', table)
    .where('mission_id', '=', missionId)
    .execute();
  const taken = new Set<number>();
  for (const row of rows) {
    const other = JSON.parse(row.data) as Record<string, unknown>;
    if (!other.deletedAt && typeof other[field] === 'number') taken.add(other[field]);
  }
  if (!taken.has(data[field])) return data;
  return { ...data, [field]: Math.max(...taken) + 1 };
}
