// Entry point: `node --import tsx src/server/main.ts`. One process serves the app and the API.
// Before listening: open the database, run migrations, create the first administrator if needed.

import fs from 'node:fs';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { bootstrapAdmin } from './auth/bootstrapAdmin';
import { startAccountHousekeeping } from './auth/housekeeping';
import { readConfig } from './config';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrations';
import { ensureBuilt } from './ensureBuilt';
import { stopGate } from './http/gracefulStop';
import { LiveHub } from './live/liveHub';
import { openChangeBus } from './live/openChangeBus';
import { errorFields, logSinkFromEnv } from './log';

const config = readConfig();
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };

if (process.env.SKIP_BUILD !== '1') await ensureBuilt(process.cwd(), config.distDir);
fs.mkdirSync(config.dataDir, { recursive: true });

const db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
await migrateToLatest(db);
await bootstrapAdmin(db, process.env);

const stopHousekeeping = startAccountHousekeeping(db);
const log = logSinkFromEnv();
// Open apps hear of changes within seconds (GET /api/events); across processes through PostgreSQL.
const live = new LiveHub(db, await openChangeBus(db, config.databaseUrl, log));

const app = createApp({
  distDir: config.distDir,
  version: pkg.version,
  db,
  dataDir: config.dataDir,
  trustProxy: config.trustProxy,
  live,
});
const gate = stopGate(app.fetch, log);
const server = serve({ fetch: gate.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Terrain écoute sur http://localhost:${info.port}`);
});

let stopping = false;
async function shutdown(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  log({ msg: 'signal', signal });
  stopHousekeeping();
  // Running pushes and upload chunks finish (up to 10 s), then the database is closed (http/gracefulStop.ts).
  await gate
    .stop(
      server as Server,
      () => db.destroy(),
      () => live.close(),
    )
    .catch((error) => log({ msg: 'stop-failed', error: errorFields(error) }));
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
