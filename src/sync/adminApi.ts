// Administration calls (accounts, missions prepared on the server, mission members). Online only:
// nothing here is kept on the device; the admin screen calls these functions, never fetch itself.
import { z } from 'zod';
import {
  type AdminMission,
  type AdminUser,
  adminMissionSchema,
  adminUserSchema,
  type CreateMissionRequest,
  type CreateUserRequest,
  type User,
  userSchema,
} from '../shared/protocol';
import { appClient } from './client';
import { type HttpClient, requestJson, send } from './http';

export type { AdminMission } from '../shared/protocol';

const usersSchema = z.object({ users: z.array(adminUserSchema) });
const createdSchema = z.object({ user: userSchema });
const missionsSchema = z.object({ missions: z.array(adminMissionSchema) });
const missionSchema = z.object({ mission: adminMissionSchema });
const accountsSchema = z.object({ accounts: z.array(userSchema) });

export function createAdminApi(client: HttpClient) {
  return {
    async listUsers(): Promise<AdminUser[]> {
      return (await requestJson(client, 'GET', '/api/admin/users', undefined, usersSchema.parse)).users;
    },
    async createUser(request: CreateUserRequest): Promise<User> {
      return (await requestJson(client, 'POST', '/api/admin/users', request, createdSchema.parse)).user;
    },
    /** Disables the account: all its sessions end at once and it cannot log in until enabled again. */
    async disableUser(userId: string): Promise<void> {
      await send(client, 'POST', `/api/admin/users/${encodeURIComponent(userId)}/disable`);
    },
    async enableUser(userId: string): Promise<void> {
      await send(client, 'POST', `/api/admin/users/${encodeURIComponent(userId)}/enable`);
    },
    async listMissions(): Promise<AdminMission[]> {
      return (await requestJson(client, 'GET', '/api/admin/missions', undefined, missionsSchema.parse)).missions;
    },
    /**
     * Prepares a mission on the server with its team (administrators, coordinators). The caller makes
     * the id once per form: sending it again (a retry after a lost answer) gives the same mission.
     */
    async createMission(request: CreateMissionRequest): Promise<AdminMission> {
      return (await requestJson(client, 'POST', '/api/admin/missions', request, missionSchema.parse)).mission;
    },
    /** Active accounts a team can be made of (administrators, coordinators). */
    async listAccounts(): Promise<User[]> {
      return (await requestJson(client, 'GET', '/api/admin/accounts', undefined, accountsSchema.parse)).accounts;
    },
    async addMember(missionId: string, userId: string): Promise<void> {
      await send(client, 'POST', `/api/admin/missions/${encodeURIComponent(missionId)}/members`, { userId });
    },
    async removeMember(missionId: string, userId: string): Promise<void> {
      const path = `/api/admin/missions/${encodeURIComponent(missionId)}/members/${encodeURIComponent(userId)}`;
      await send(client, 'DELETE', path);
    },
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
export const adminApi: AdminApi = createAdminApi(appClient);
