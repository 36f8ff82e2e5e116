// `npm start` must work on a fresh clone: build the app when dist/ is missing or older than the
// sources, so nobody has to remember a separate build step.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Server code is not in the bundle, except its build plugins (src/server/build), which shape it. */
function isOutsideBundle(relative: string): boolean {
  const parts = relative.split(path.sep);
  return parts[0] === 'src' && parts[1] === 'server' && parts.length === 3 && parts[2] !== 'build';
}

function newestMtimeMs(rootDir: string, target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) {
    const child = path.join(target, entry);
    if (isOutsideBundle(path.relative(rootDir, child))) continue;
    newest = Math.max(newest, newestMtimeMs(rootDir, child));
  }
  return newest;
}

export function isBuildStale(rootDir: string, distDir: string): boolean {
  const builtIndex = path.join(distDir, 'index.html');
  if (!fs.existsSync(builtIndex)) return true;
  const builtAt = fs.statSync(builtIndex).mtimeMs;
  const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => path.join(rootDir, p));
  return inputs.some((p) => fs.existsSync(p) && newestMtimeMs(rootDir, p) > builtAt);
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
