// First start with an empty database: create the administrator account, from ADMIN_EMAIL /
// ADMIN_PASSWORD when given, otherwise with a random password printed once in the server log.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database';
import { createUser } from './users';

export const DEFAULT_ADMIN_EMAIL = 'admin@terrain.local';

export async function bootstrapAdmin(
  db: Db,
  env: { ADMIN_EMAIL?: string; ADMIN_PASSWORD?: string },
  log: (line: string) => void = console.log,
): Promise<void> {
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  const email = (env.ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL).trim().toLowerCase();
  const password = env.ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
  if (password.length < 8) throw new Error('ADMIN_PASSWORD doit faire au moins 8 caractères.');
  await createUser(db, { email, name: 'Administrateur', role: 'admin', password });
  log(`Terrain : compte administrateur créé : ${email}`);
  if (!env.ADMIN_PASSWORD)
    log(`Terrain : mot de passe à usage unique (notez-le, il ne sera plus affiché) : ${password}`);
}
