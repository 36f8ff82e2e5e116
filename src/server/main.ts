// Entry point: `node --import tsx src/server/main.ts`. One process serves the app and the API.

import fs from 'node:fs';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { readConfig } from './config';
import { ensureBuilt } from './ensureBuilt';

const config = readConfig();
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };

if (process.env.SKIP_BUILD !== '1') await ensureBuilt(process.cwd(), config.distDir);
fs.mkdirSync(config.dataDir, { recursive: true });

const app = createApp({ distDir: config.distDir, version: pkg.version });
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Terrain écoute sur http://localhost:${info.port}`);
});

function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2_000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
