// Browser tests run against the built app served by the real server: build once if needed.
import path from 'node:path';
import { ensureBuilt } from '../../src/server/ensureBuilt';

export default async function setup() {
  const root = path.resolve(import.meta.dirname, '../..');
  await ensureBuilt(root, path.join(root, 'dist'));
}
