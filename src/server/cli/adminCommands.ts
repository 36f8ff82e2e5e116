// The operator's account commands (npm run admin -- <command>), without the HTTP layer: create an
// account, reset a password, disable or enable an account, list accounts. Each returns the lines to
// print; a refusal is a CliError with a French message. They go through the same functions as the
// administration screen, so the same rules hold (e-mail taken, sessions ended on disable).
import { createUserRequestSchema, type Role, type User } from '../../shared/protocol';
import { randomPassword, resetPassword } from '../auth/resetPassword';
import { createUser, listUsers, setAccountDisabled } from '../auth/users';
import type { Db } from '../db/database';
import { ApiError } from '../errors';

/** A refusal the operator can act on: printed as is, exit code 1 (2 for a wrong command line). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

export const USAGE = `Utilisation : npm run admin -- <commande>
  lister                                   liste les comptes
  creer <e-mail> <nom> [membre|coordinateur|admin]
                                           crée un compte et affiche son mot de passe à usage unique
  reinitialiser <e-mail>                   donne un nouveau mot de passe (affiché une fois) ; ses sessions prennent fin
  desactiver <e-mail>                      désactive un compte ; ses appareils sont déconnectés
  activer <e-mail>                         réactive un compte
Les données : DATA_DIR (SQLite, par défaut ./data) ou DATABASE_URL (PostgreSQL), comme npm start.`;

const ROLE_NAMES: Record<string, Role> = {
  membre: 'member',
  member: 'member',
  coordinateur: 'coordinator',
  coordinator: 'coordinator',
  admin: 'admin',
  administrateur: 'admin',
};
const ROLE_LABELS: Record<Role, string> = { member: 'membre', coordinator: 'coordinateur', admin: 'administrateur' };

/** The CLI acts for nobody in particular: no account is "itself", so any account may be disabled. */
const OPERATOR: User = { id: 'operateur-ligne-de-commande', email: '', name: 'Opérateur', role: 'admin' };

async function findAccount(db: Db, email: string | undefined) {
  if (!email) throw new CliError(`Adresse e-mail manquante.\n${USAGE}`, 2);
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'disabled_at'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  if (!user) throw new CliError(`Aucun compte avec l'adresse ${email}.`);
  return user;
}

async function create(db: Db, [email, name, roleName = 'membre']: string[]): Promise<string[]> {
  const role = ROLE_NAMES[roleName.toLowerCase()];
  if (!role) throw new CliError(`Rôle inconnu : ${roleName} (membre, coordinateur ou admin).`, 2);
  const password = randomPassword();
  const parsed = createUserRequestSchema.safeParse({ email, name, role, password });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    throw new CliError(
      field === 'name' ? `Nom invalide : « ${name ?? ''} ».` : `Adresse e-mail invalide : ${email ?? ''}.`,
      2,
    );
  }
  try {
    const user = await createUser(db, parsed.data);
    return [
      `Compte créé : ${user.email} (${ROLE_LABELS[user.role]}).`,
      `Mot de passe à usage unique (notez-le, il ne sera plus affiché ; à changer dans Compte) : ${password}`,
    ];
  } catch (error) {
    if (error instanceof ApiError && error.code === 'email-taken') {
      throw new CliError(`Un compte existe déjà avec l'adresse ${parsed.data.email}.`);
    }
    throw error;
  }
}

async function reset(db: Db, [email]: string[]): Promise<string[]> {
  const user = await findAccount(db, email);
  const password = randomPassword();
  if (!(await resetPassword(db, user.id, password))) throw new CliError(`Aucun compte avec l'adresse ${email}.`);
  const disabled = user.disabled_at !== null ? ' Le compte est désactivé : activez-le pour qu’il serve.' : '';
  return [
    `Mot de passe réinitialisé pour ${user.email} ; ses sessions ont pris fin.${disabled}`,
    `Nouveau mot de passe à usage unique (notez-le, il ne sera plus affiché ; à changer dans Compte) : ${password}`,
  ];
}

async function setDisabled(db: Db, [email]: string[], disabled: boolean): Promise<string[]> {
  const user = await findAccount(db, email);
  await setAccountDisabled(db, OPERATOR, user.id, disabled);
  return [
    disabled
      ? `Compte désactivé : ${user.email} ; ses appareils sont déconnectés.`
      : `Compte activé : ${user.email} ; il peut se connecter à nouveau.`,
  ];
}

async function list(db: Db): Promise<string[]> {
  const users = await listUsers(db);
  if (users.length === 0) return ['Aucun compte.'];
  return users.map(
    (u) => `${u.email}\t${u.name}\t${ROLE_LABELS[u.role]}\t${u.disabledAt ? `désactivé le ${u.disabledAt}` : 'actif'}`,
  );
}

export async function runAdminCommand(db: Db, [command, ...args]: string[]): Promise<string[]> {
  switch (command) {
    case 'lister':
    case 'list':
      return list(db);
    case 'creer':
    case 'create':
      return create(db, args);
    case 'reinitialiser':
    case 'reset-password':
      return reset(db, args);
    case 'desactiver':
    case 'disable':
      return setDisabled(db, args, true);
    case 'activer':
    case 'enable':
      return setDisabled(db, args, false);
    default:
      throw new CliError(command ? `Commande inconnue : ${command}.\n${USAGE}` : USAGE, 2);
  }
}
