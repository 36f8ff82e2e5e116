// Entry point: `node --import tsx src/server/main.ts`. One process serves the app and the API.
// Before listening: open the database, run migrations, create the first administrator if needed.

import fs from 'node:fs';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { bootstrapAdmin } from './auth/bootstrapAdmin';
import { startAccountHousekeeping } from './auth/housekeeping';
import { readConfig } from './config';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrations';
import { ensureBuilt } from './ensureBuilt';

const config = readConfig();
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };

if (process.env.SKIP_BUILD !== '1') await ensureBuilt(process.cwd(), config.distDir);
fs.mkdirSync(config.dataDir, { recursive: true });

const db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
await migrateToLatest(db);
await bootstrapAdmin(db, process.env);

const stopHousekeeping = startAccountHousekeeping(db);

const app = createApp({
  distDir: config.distDir,
  version: pkg.version,
  db,
  dataDir: config.dataDir,
  trustProxy: config.trustProxy,
});
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Terrain écoute sur http://localhost:${info.port}`);
});

let stopping = false;
function shutdown() {
  if (stopping) return;
  stopping = true;
  stopHousekeeping();
  // Stop taking requests, let running ones finish, then close the database cleanly.
  server.close(() => {
    db.destroy().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
