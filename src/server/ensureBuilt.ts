// `npm start` must work on a fresh clone: build the app when dist/ is missing or older than the
// sources, so nobody has to remember a separate build step.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newestMtimeMs(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'server') continue;
    newest = Math.max(newest, newestMtimeMs(path.join(target, entry)));
  }
  return newest;
}

export function isBuildStale(rootDir: string, distDir: string): boolean {
  const builtIndex = path.join(distDir, 'index.html');
  if (!fs.existsSync(builtIndex)) return true;
  const builtAt = fs.statSync(builtIndex).mtimeMs;
  const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => path.join(rootDir, p));
  return inputs.some((p) => fs.existsSync(p) && newestMtimeMs(p) > builtAt);
}

/**
 * Builds in a child process with NODE_ENV=production: a build started from a test runner would
 * otherwise inherit NODE_ENV=test and ship React's development bundle.
 */
export async function ensureBuilt(rootDir: string, distDir: string): Promise<void> {
  if (!isBuildStale(rootDir, distDir)) return;
  console.log('Terrain : construction de l’application…');
  const viteBin = path.join(rootDir, 'node_modules', 'vite', 'bin', 'vite.js');
  execFileSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn', '--outDir', distDir, '--emptyOutDir'], {
    cwd: rootDir,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
