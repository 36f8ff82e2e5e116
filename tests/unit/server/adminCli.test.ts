// `npm run admin`: the operator's account commands, run as their own process on the server's data
// (SQLite folder, or the PostgreSQL database in the server-pg project), with the server stopped and
// while it runs. What they did is checked through the HTTP API: logins with the printed password,
// sessions ended, a disabled account refused.
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../../e2e/support/scripts';
import { makeDataDir, type RunningServer, startServer } from '../../e2e/support/server';
import { freshDatabaseUrl } from './support';

const running: RunningServer[] = [];
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const server of running) await server.stop();
  for (const drop of drops) await drop();
});

async function freshStorage() {
  const database = await freshDatabaseUrl();
  drops.push(database.drop);
  return { DATA_DIR: makeDataDir(), DATABASE_URL: database.url ?? '' };
}

const passwordIn = (stdout: string) => {
  const match = /: ([A-Za-z0-9_-]{16})$/m.exec(stdout);
  if (!match) throw new Error(`no password printed:\n${stdout}`);
  return match[1];
};

async function login(server: RunningServer, email: string, password: string) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as { token?: string; error?: { code: string } };
  return { status: res.status, token: body.token, code: body.error?.code };
}

const sessionStatus = async (server: RunningServer, token: string) =>
  (await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status;

describe('npm run admin', () => {
  it('creates an account with the server stopped; the printed password logs in once the server runs', async () => {
    const env = await freshStorage();
    const created = await runScript('admin', ['creer', 'Awa@Exemple.test', 'Awa Exemple', 'coordinateur'], env);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('Compte créé : awa@exemple.test (coordinateur)');
    const password = passwordIn(created.stdout);

    const server = await startServer({ dataDir: env.DATA_DIR, env: { DATABASE_URL: env.DATABASE_URL } });
    running.push(server);
    const session = await login(server, 'awa@exemple.test', password);
    expect(session.status).toBe(200);
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${session.token}` } });
    expect(((await me.json()) as { user: { role: string } }).user.role).toBe('coordinator');

    const listed = await runScript('admin', ['lister'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^awa@exemple\.test\tAwa Exemple\tcoordinateur\tactif$/m);
  }, 120_000);

  it('resets a password, disables and enables an account while the server runs', async () => {
    const env = await freshStorage();
    const server = await startServer({
      dataDir: env.DATA_DIR,
      env: { DATABASE_URL: env.DATABASE_URL, ADMIN_PASSWORD: 'mot-de-passe-initial' },
    });
    running.push(server);
    const before = await login(server, 'admin@terrain.local', 'mot-de-passe-initial');
    expect(before.status).toBe(200);

    // Lost administrator password: a new one is printed, the old one and every session stop working.
    const reset = await runScript('admin', ['reinitialiser', 'admin@terrain.local'], env);
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toContain('ses sessions ont pris fin');
    const password = passwordIn(reset.stdout);
    expect(await sessionStatus(server, before.token as string)).toBe(401);
    expect((await login(server, 'admin@terrain.local', 'mot-de-passe-initial')).status).toBe(401);
    const after = await login(server, 'admin@terrain.local', password);
    expect(after.status).toBe(200);

    const created = await runScript('admin', ['creer', 'issa@exemple.test', 'Issa Exemple'], env);
    expect(created.code, created.stderr).toBe(0);
    const issa = await login(server, 'issa@exemple.test', passwordIn(created.stdout));
    expect(issa.status).toBe(200);

    const disabled = await runScript('admin', ['desactiver', 'issa@exemple.test'], env);
    expect(disabled.code, disabled.stderr).toBe(0);
    expect(disabled.stdout).toContain('Compte désactivé : issa@exemple.test');
    expect(await sessionStatus(server, issa.token as string)).toBe(401);
    expect((await login(server, 'issa@exemple.test', passwordIn(created.stdout))).code).toBe('account-disabled');
    expect((await runScript('admin', ['lister'], env)).stdout).toMatch(/^issa@exemple\.test\t.*\tdésactivé le /m);

    const enabled = await runScript('admin', ['activer', 'issa@exemple.test'], env);
    expect(enabled.code, enabled.stderr).toBe(0);
    expect((await login(server, 'issa@exemple.test', passwordIn(created.stdout))).status).toBe(200);
  }, 120_000);

  it('refuses with a French message and a non-zero exit code', async () => {
    const env = await freshStorage();
    const first = await runScript('admin', ['creer', 'awa@exemple.test', 'Awa Exemple'], env);
    expect(first.code).toBe(0);
    const taken = await runScript('admin', ['creer', 'awa@exemple.test', 'Awa Exemple'], env);
    expect(taken).toMatchObject({ code: 1, stdout: '' });
    expect(taken.stderr).toContain('Un compte existe déjà avec l');
    const unknown = await runScript('admin', ['desactiver', 'personne@exemple.test'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("Aucun compte avec l'adresse personne@exemple.test");
    const badEmail = await runScript('admin', ['creer', 'pas-une-adresse', 'Awa'], env);
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toContain('Adresse e-mail invalide');
    const badRole = await runScript('admin', ['creer', 'b@exemple.test', 'B', 'chef'], env);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('Rôle inconnu : chef');
    const noCommand = await runScript('admin', ['supprimer'], env);
    expect(noCommand.code).toBe(2);
    expect(noCommand.stderr).toContain('Utilisation : npm run admin');
  }, 120_000);
});
