// `node --import tsx tests/bench/deliveryOnly.ts`: only the delivery figures of `npm run bench`
// (bytes on the wire, precache, Lighthouse), on DIST_DIR when given.
import path from 'node:path';
import { ensureBuilt } from '../../src/server/ensureBuilt';
import { startServer } from '../e2e/support/server';
import { measureDelivery } from './delivery';

const root = path.resolve(import.meta.dirname, '../..');
await ensureBuilt(root, path.resolve(process.env.DIST_DIR ?? path.join(root, 'dist')));
const server = await startServer();
try {
  const { lines, notes } = await measureDelivery(server);
  for (const [name, value, target, ok] of lines)
    console.log(`${ok ? 'OK  ' : 'OVER'}  ${name.padEnd(52)} ${value.padStart(14)}   (target ${target})`);
  for (const note of notes) console.log(note);
} finally {
  await server.stop();
}
