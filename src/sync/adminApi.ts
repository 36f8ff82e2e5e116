// Administration calls (accounts, mission members). Online only: nothing here is kept on the
// device; the admin screen calls these functions, never fetch itself.
import { z } from 'zod';
import { type AdminUser, adminUserSchema, type CreateUserRequest, type User, userSchema } from '../shared/protocol';
import { appClient } from './client';
import { type HttpClient, requestJson, send } from './http';

export interface AdminMission {
  id: string;
  title: string;
  members: User[];
}

const usersSchema = z.object({ users: z.array(adminUserSchema) });
const createdSchema = z.object({ user: userSchema });
const missionsSchema = z.object({
  missions: z.array(z.object({ id: z.string(), title: z.string(), members: z.array(userSchema) })),
});

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
