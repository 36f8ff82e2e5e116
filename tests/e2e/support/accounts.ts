// Accounts for browser tests that need the server: the administrator the server creates at start
// (startServer({ env: ADMIN_ENV })) and API clients to set up members and read the server's state.
import { ulid } from 'ulid';
import type { Role, User } from '../../../src/shared/protocol';
import { type AdminApi, createAdminApi } from '../../../src/sync/adminApi';
import { login } from '../../../src/sync/api';
import type { HttpClient } from '../../../src/sync/http';

export const ADMIN = { email: 'admin@exemple.test', password: 'mot-de-passe-admin' };
export const ADMIN_ENV = { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password };
export const PASSWORD = 'mot-de-passe-test';

/** An API client logged in as the given account. */
export async function apiClientAs(serverUrl: string, email: string, password: string): Promise<HttpClient> {
  let token: string | null = null;
  const client: HttpClient = { baseUrl: serverUrl, fetch: (i, init) => fetch(i, init), token: async () => token };
  token = (await login(client, email, password)).token;
  return client;
}

/**
 * A fictional e-mail address not used before on this server: a test that creates accounts can then
 * run again (its retry) on the same server, and two tests never create the same account.
 */
export function freshEmail(name: string): string {
  return `${name}.${ulid().slice(-8).toLowerCase()}@exemple.test`;
}

/** The admin API of a server started with ADMIN_ENV. */
export async function adminApiOf(serverUrl: string): Promise<AdminApi> {
  return createAdminApi(await apiClientAs(serverUrl, ADMIN.email, ADMIN.password));
}

/** A fictional account with PASSWORD: "Awa Exemple" is awa@exemple.test unless an e-mail is given. */
export function createAccount(
  admin: AdminApi,
  name: string,
  options: { role?: Role; email?: string } = {},
): Promise<User> {
  const email = options.email ?? `${name.split(' ')[0].toLowerCase()}@exemple.test`;
  return admin.createUser({ email, name, role: options.role ?? 'member', password: PASSWORD });
}
