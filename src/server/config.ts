// Server settings from the environment, with defaults that need no set-up.
import path from 'node:path';
import { DEFAULT_PORT } from '../shared/constants';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  distDir: string;
  /** postgres://… selects PostgreSQL; unset: SQLite under dataDir. */
  databaseUrl?: string;
  /**
   * TRUST_PROXY=1: a reverse proxy is in front, so its X-Forwarded-For (last hop: the client
   * address) and X-Forwarded-Proto (HTTPS) are believed. Off by default: any client can send them.
   */
  trustProxy: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT invalide : ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    distDir: path.resolve(env.DIST_DIR ?? 'dist'),
    databaseUrl: env.DATABASE_URL || undefined,
    trustProxy: env.TRUST_PROXY === '1',
  };
}
