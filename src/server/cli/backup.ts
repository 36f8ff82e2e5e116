// `npm run backup -- <file.tar.gz>`: a consistent backup while the server runs (backup/createBackup.ts).
// On PostgreSQL (DATABASE_URL) the archive holds the photo files only: the database is saved with
// pg_dump (README). Exit codes: 0 done, 1 failed (nothing left at <file>), 2 wrong command line.
import fs from 'node:fs';
import path from 'node:path';
import { createBackup } from '../backup/createBackup';
import { readConfig } from '../config';
import { SQLITE_FILE } from '../db/database';

const [argument, ...extra] = process.argv.slice(2);
if (!argument || extra.length > 0) {
  console.error('Utilisation : npm run backup -- <fichier.tar.gz>   (DATA_DIR : le dossier de données du serveur)');
  process.exit(2);
}
// npm runs scripts from the project folder: a relative name is taken from where npm was typed.
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), argument);
const config = readConfig();
const postgres = config.databaseUrl !== undefined;
if (!postgres && !fs.existsSync(path.join(config.dataDir, SQLITE_FILE))) {
  console.error(`Aucune base Terrain dans ${config.dataDir} (DATA_DIR) : rien à sauvegarder.`);
  process.exit(1);
}
if (fs.existsSync(file)) {
  console.error(`${file} existe déjà : choisissez un autre nom (une sauvegarde n'en écrase jamais une autre).`);
  process.exit(1);
}
try {
  const started = Date.now();
  const result = await createBackup({ dataDir: config.dataDir, file, postgres });
  const photos = result.manifest.files.filter((f) => f.path.startsWith('photos/')).length;
  const megabytes = (result.archiveBytes / 1024 / 1024).toFixed(1);
  console.log(
    `Sauvegarde écrite : ${result.file} (${megabytes} Mo, ${photos} photo(s), ${((Date.now() - started) / 1000).toFixed(1)} s).`,
  );
  if (postgres) {
    console.log('Base PostgreSQL : elle n’est pas dans cette archive ; sauvegardez-la avec pg_dump (voir le README).');
  }
} catch (error) {
  console.error('Sauvegarde impossible :', error instanceof Error ? error.message : error);
  process.exit(1);
}
