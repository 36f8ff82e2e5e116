// `npm run backup -- <file>`: a consistent backup while the server runs: on SQLite a .tar.gz of the
// database and the photo files (backup/createBackup.ts); on PostgreSQL (DATABASE_URL), where photos
// are in the database, its pg_dump (backup/pgDump.ts). Exit codes: 0 done, 1 failed (nothing left
// at <file>), 2 wrong command line.
import fs from 'node:fs';
import path from 'node:path';
import { createBackup } from '../backup/createBackup';
import { dumpPostgres } from '../backup/pgDump';
import { readConfig } from '../config';
import { SQLITE_FILE } from '../db/database';

const [argument, ...extra] = process.argv.slice(2);
if (!argument || extra.length > 0) {
  console.error(
    'Utilisation : npm run backup -- <fichier>   (DATA_DIR : le dossier de données du serveur ; DATABASE_URL : la base PostgreSQL)',
  );
  process.exit(2);
}
// npm runs scripts from the project folder: a relative name is taken from where npm was typed.
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), argument);
const config = readConfig();
if (config.databaseUrl === undefined && !fs.existsSync(path.join(config.dataDir, SQLITE_FILE))) {
  console.error(`Aucune base Terrain dans ${config.dataDir} (DATA_DIR) : rien à sauvegarder.`);
  process.exit(1);
}
if (fs.existsSync(file)) {
  console.error(`${file} existe déjà : choisissez un autre nom (une sauvegarde n'en écrase jamais une autre).`);
  process.exit(1);
}
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
try {
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  if (config.databaseUrl !== undefined) {
    const dump = await dumpPostgres({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, file });
    console.log(
      `Sauvegarde PostgreSQL écrite (pg_dump, base et photos) : ${dump.file} (${megabytes(dump.bytes)} Mo, ${dump.photos} photo(s), ${seconds()} s). Restauration : pg_restore (voir le README).`,
    );
  } else {
    const result = await createBackup({ dataDir: config.dataDir, file });
    const photos = result.manifest.files.filter((f) => f.path.startsWith('photos/')).length;
    console.log(
      `Sauvegarde écrite : ${result.file} (${megabytes(result.archiveBytes)} Mo, ${photos} photo(s), ${seconds()} s).`,
    );
  }
} catch (error) {
  console.error('Sauvegarde impossible :', error instanceof Error ? error.message : error);
  process.exit(1);
}
