// Who may set a mission's team from the server: an administrator for any mission, a coordinator
// for the missions they belong to (the missions they coordinate). Members never do.
import type { User } from '../../shared/protocol';
import { isMember } from '../auth/users';
import type { Db } from '../db/database';
import { ApiError } from '../errors';

export const mayPrepareMissions = (user: User) => user.role === 'admin' || user.role === 'coordinator';

/** Throws 403 forbidden for a member, 403 not-member for a coordinator of other missions only. */
export async function assertCanManageTeam(db: Db, user: User, missionId: string): Promise<void> {
  if (!mayPrepareMissions(user)) throw new ApiError(403, 'forbidden');
  if (!(await isMember(db, user, missionId))) throw new ApiError(403, 'not-member');
}
