// `npm run admin -- <command>`: account commands for the operator, on the same storage as
// `npm start` (DATA_DIR or DATABASE_URL). They work with the server stopped or running: SQLite is in
// WAL mode with a busy timeout (a write waits for the server's transaction to end), PostgreSQL
// takes several clients anyway. Exit codes: 0 done, 1 refused (message says why), 2 wrong command line.
import { readConfig } from '../config';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrations';
import { CliError, runAdminCommand } from './adminCommands';

const config = readConfig();
const db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
let exitCode = 0;
try {
  // Same schema as the server (a fresh folder gets its tables; a running server already migrated).
  await migrateToLatest(db);
  for (const line of await runAdminCommand(db, process.argv.slice(2))) console.log(line);
} catch (error) {
  if (error instanceof CliError) {
    console.error(error.message);
    exitCode = error.exitCode;
  } else {
    console.error('Erreur inattendue :', error);
    exitCode = 1;
  }
} finally {
  await db.destroy();
}
process.exit(exitCode);
