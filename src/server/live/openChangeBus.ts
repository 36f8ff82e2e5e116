// The change bus this server's storage calls for: LISTEN/NOTIFY on PostgreSQL (several processes may
// share the database), an in-process emitter on SQLite (one process by design).
import type { Db } from '../db/database';
import type { LogSink } from '../log';
import { type ChangeBus, memoryBus } from './changeBus';

export async function openChangeBus(db: Db, databaseUrl?: string, log?: LogSink): Promise<ChangeBus> {
  if (!databaseUrl) return memoryBus();
  const { postgresBus } = await import('./postgresBus');
  return postgresBus(db, databaseUrl, log);
}
