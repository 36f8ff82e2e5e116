// `npm run restore -- <file.tar.gz>`: restores a backup into an empty DATA_DIR, after checking every
// file's SHA-256 (backup/restoreBackup.ts). Exit codes: 0 done, 1 refused (message says why), 2 wrong command line.
import path from 'node:path';
import { RestoreError, restoreBackup } from '../backup/restoreBackup';
import { readConfig } from '../config';

const [argument, ...extra] = process.argv.slice(2);
if (!argument || extra.length > 0) {
  console.error('Utilisation : npm run restore -- <fichier.tar.gz>   (DATA_DIR : un dossier de données vide)');
  process.exit(2);
}
// npm runs scripts from the project folder: a relative name is taken from where npm was typed.
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), argument);
const config = readConfig();
try {
  const { manifest, photos } = await restoreBackup({ file, dataDir: config.dataDir });
  console.log(
    `Sauvegarde du ${manifest.createdAt} restaurée dans ${config.dataDir} : ${photos} photo(s), chaque fichier vérifié (SHA-256).`,
  );
  if (manifest.database === 'postgresql') {
    console.log(
      'Base PostgreSQL : restaurez-la avec pg_restore (voir le README) ; cette archive ne contient que les photos.',
    );
  }
} catch (error) {
  console.error(
    error instanceof RestoreError
      ? error.message
      : `Restauration impossible : ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
}
