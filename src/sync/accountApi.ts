// The logged-in person's own account, online only: nothing here is kept on the device.
import type { ChangePasswordRequest } from '../shared/protocol';
import { appClient } from './client';
import { type HttpClient, send } from './http';

/** Changes the password; the server ends the person's other sessions and keeps this one. */
export async function changePassword(request: ChangePasswordRequest, client: HttpClient = appClient): Promise<void> {
  await send(client, 'POST', '/api/auth/password', request);
}
