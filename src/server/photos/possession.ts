// Which mission holds which photo. A mission possesses a hash once an upload FOR THAT MISSION
// finished with those bytes (hash verified): knowing a hash is not having the photo. Reading needs
// both: a `photos` record of the mission naming the hash (photo_refs) and the possession.
import type { Kysely } from 'kysely';
import type { ErrorCode } from '../../shared/errors';
import type { User } from '../../shared/protocol';
import { sha256Schema } from '../../shared/protocol';
import type { Database } from '../db/schema';

type Queryable = Kysely<Database>;

export async function recordPossession(db: Queryable, hash: string, missionId: string): Promise<void> {
  await db
    .insertInto('photo_possessions')
    .values({ hash, mission_id: missionId, since: new Date().toISOString() })
    .onConflict((oc) => oc.columns(['hash', 'mission_id']).doNothing())
    .execute();
}

/** The hashes among `hashes` the mission possesses and the store holds. */
export async function possessedHashes(db: Queryable, missionId: string, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db
    .selectFrom('photo_possessions as p')
    .innerJoin('photo_blobs as b', 'b.hash', 'p.hash')
    .select('p.hash')
    .where('p.mission_id', '=', missionId)
    .where('p.hash', 'in', hashes)
    .execute();
  return new Set(rows.map((r) => r.hash));
}

/** An administrator reads every stored photo; a member, those a mission of theirs references and possesses. */
export async function canReadPhoto(db: Queryable, user: User, hash: string): Promise<boolean> {
  if (user.role === 'admin') return true;
  const row = await db
    .selectFrom('photo_refs as r')
    .innerJoin('photo_possessions as p', (join) =>
      join.onRef('p.hash', '=', 'r.hash').onRef('p.mission_id', '=', 'r.mission_id'),
    )
    .innerJoin('mission_members as m', 'm.mission_id', 'r.mission_id')
    .select('r.hash')
    .where('r.hash', '=', hash)
    .where('m.user_id', '=', user.id)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Why a `photos` record of `missionId` may not name `hash`, or null when it may. The app pushes a
 * photo's record before its bytes, so a hash the server does not store yet is accepted (the bytes
 * follow, uploaded for this mission). A stored hash is accepted only when the mission possesses it,
 * or when the sender can already read it through another mission (the same photo in two of their
 * missions; their device has the bytes and uploads them for this one when `missing` asks).
 */
export async function photoHashRefusal(
  db: Queryable,
  user: User,
  missionId: string,
  hash: unknown,
): Promise<ErrorCode | null> {
  if (!sha256Schema.safeParse(hash).success) return null; // the record schema refuses it
  const stored = await db
    .selectFrom('photo_blobs')
    .select('hash')
    .where('hash', '=', hash as string)
    .executeTakeFirst();
  if (!stored) return null;
  if ((await possessedHashes(db, missionId, [hash as string])).size > 0) return null;
  if (await canReadPhoto(db, user, hash as string)) return null;
  return 'photo-not-possessed';
}
