// The missions the admin screen lists, each with its title and its people: every mission for an
// administrator (with those that have members but no record yet: not synced); for a coordinator,
// the missions they belong to.
import type { AdminMission, User } from '../../shared/protocol';
import { missionIdsOf } from '../auth/users';
import type { Db } from '../db/database';

export async function missionTeams(db: Db, user: User): Promise<AdminMission[]> {
  // An administrator's list is not filtered (thousands of ids would not fit in one SQL statement).
  return teams(db, user.role === 'admin' ? null : await missionIdsOf(db, user));
}

/** One mission with its people (it may have neither record nor members yet: an empty title, nobody). */
export async function missionTeam(db: Db, missionId: string): Promise<AdminMission> {
  return (await teams(db, [missionId]))[0] ?? { id: missionId, title: '', members: [] };
}

/** The missions named in `only` (every mission when null), sorted by title. */
async function teams(db: Db, only: string[] | null): Promise<AdminMission[]> {
  if (only?.length === 0) return [];
  let records = db.selectFrom('records').select(['id', 'data']).where('table_name', '=', 'missions');
  let members = db
    .selectFrom('mission_members')
    .innerJoin('users', 'users.id', 'mission_members.user_id')
    .select(['mission_members.mission_id', 'users.id', 'users.email', 'users.name', 'users.role'])
    .orderBy('users.name');
  if (only) {
    records = records.where('id', 'in', only);
    members = members.where('mission_members.mission_id', 'in', only);
  }
  const byMission = new Map<string, AdminMission>();
  const missionOf = (id: string) => {
    const known = byMission.get(id) ?? { id, title: '', members: [] };
    byMission.set(id, known);
    return known;
  };
  for (const r of await records.execute()) {
    const title = (JSON.parse(r.data) as { title?: unknown }).title;
    missionOf(r.id).title = typeof title === 'string' ? title : '';
  }
  for (const { mission_id, ...person } of await members.execute()) missionOf(mission_id).members.push(person);
  return [...byMission.values()].sort((a, b) => a.title.localeCompare(b.title, 'fr'));
}

/** The people a team can be made of: active accounts, by name (disabled ones cannot log in to pull). */
export async function teamCandidates(db: Db): Promise<User[]> {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role'])
    .where('disabled_at', 'is', null)
    .orderBy('name')
    .orderBy('email')
    .execute();
}
