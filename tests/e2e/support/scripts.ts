// Runs one of the operator's npm scripts (admin, backup, restore) as its own process, as an operator
// would on the server: same entry file as package.json, environment given (DATA_DIR, DATABASE_URL).
import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const SCRIPT_FILES = {
  admin: 'src/server/cli/admin.ts',
  backup: 'src/server/cli/backup.ts',
  restore: 'src/server/cli/restore.ts',
} as const;

export function runScript(
  script: keyof typeof SCRIPT_FILES,
  args: string[],
  env: Record<string, string | undefined>,
): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT_FILES[script], ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
