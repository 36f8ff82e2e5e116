// Browser tests run against the built app served by the real server: build once if needed.
import path from 'node:path';
import { ensureBuilt } from '../../src/server/ensureBuilt';

export default async function setup() {
  const root = path.resolve(import.meta.dirname, '../..');
  // DIST_DIR lets parallel runs (several developers on one machine) build into their own folder.
  await ensureBuilt(root, process.env.DIST_DIR ? path.resolve(process.env.DIST_DIR) : path.join(root, 'dist'));
}
