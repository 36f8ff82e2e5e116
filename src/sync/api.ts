// The sync endpoints of the server (see /api in src/server), with every answer checked against the
// protocol's zod schemas: a server of another version fails loudly here instead of storing garbage.
import {
  missingPhotosResponseSchema,
  type PullRequest,
  type PushRequest,
  pullResponseSchema,
  pushResponseSchema,
  type Session,
  sessionSchema,
} from '../shared/protocol';
import { type HttpClient, requestJson, send } from './http';
import { downloadPhoto } from './photoFetch';
import type { SyncApi } from './ports';

export function createSyncApi(client: HttpClient): SyncApi {
  return {
    push: (request: PushRequest) => requestJson(client, 'POST', '/api/sync/push', request, pushResponseSchema.parse),
    pull: (request: PullRequest) => requestJson(client, 'POST', '/api/sync/pull', request, pullResponseSchema.parse),
    async missingPhotos(missionId, hashes) {
      const answer = await requestJson(
        client,
        'POST',
        '/api/photos/missing',
        { missionId, hashes },
        missingPhotosResponseSchema.parse,
      );
      return answer.missing;
    },
    downloadPhoto: (hash, partial) => downloadPhoto(client, hash, partial),
  };
}

export function login(client: HttpClient, email: string, password: string): Promise<Session> {
  return requestJson(client, 'POST', '/api/auth/login', { email, password }, sessionSchema.parse, { auth: false });
}

export async function logout(client: HttpClient): Promise<void> {
  await send(client, 'POST', '/api/auth/logout');
}
