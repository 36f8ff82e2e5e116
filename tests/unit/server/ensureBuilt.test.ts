import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBuildStale } from '../../../src/server/ensureBuilt';

describe('isBuildStale', () => {
  let root: string;
  const dist = () => path.join(root, 'dist');
  const write = (relative: string, mtime: Date) => {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '');
    fs.utimesSync(file, mtime, mtime);
  };
  const built = new Date('2026-01-02T00:00:00Z');
  const before = new Date('2026-01-01T00:00:00Z');
  const after = new Date('2026-01-03T00:00:00Z');

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'terrain-stale-'));
    write('src/app/main.tsx', before);
    write('src/server/app.ts', before);
    write('src/server/build/preloadAppPlugin.ts', before);
    write('dist/index.html', built);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is fresh when every input is older than the build', () => {
    expect(isBuildStale(root, dist())).toBe(false);
  });

  it('is stale when the app changed', () => {
    write('src/app/main.tsx', after);
    expect(isBuildStale(root, dist())).toBe(true);
  });

  it('is stale when a build plugin changed (it shapes the built files although it lives with the server)', () => {
    write('src/server/build/preloadAppPlugin.ts', after);
    expect(isBuildStale(root, dist())).toBe(true);
  });

  it('is fresh when only server code changed (the server is not in the bundle)', () => {
    write('src/server/app.ts', after);
    expect(isBuildStale(root, dist())).toBe(false);
  });

  it('is stale when nothing was built', () => {
    fs.rmSync(dist(), { recursive: true });
    expect(isBuildStale(root, dist())).toBe(true);
  });
});
