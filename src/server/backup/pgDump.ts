// `npm run backup` on PostgreSQL: the database holds everything, photos included (photos/pg/), so
// the backup is PostgreSQL's own consistent dump (pg_dump --format=custom, taken in one snapshot
// while the server runs). Photos still in files from before 0007 are copied in first. Written
// beside the target as `….partial`, synced, then renamed: a failed dump never looks complete.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/database';
import { copyDiskPhotosIntoDatabase } from '../photos/pg/copyDiskPhotos';

export interface DumpResult {
  file: string;
  bytes: number;
  photos: number;
}

function runPgDump(databaseUrl: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, databaseUrl], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('error', (error) =>
      reject(new Error(`pg_dump introuvable ou impossible à lancer (${error.message}) : installez postgresql-client.`)),
    );
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pg_dump a échoué : ${stderr.trim()}`))));
  });
}

export async function dumpPostgres(options: {
  databaseUrl: string;
  dataDir: string;
  file: string;
}): Promise<DumpResult> {
  const file = path.resolve(options.file);
  const partial = `${file}.partial`;
  const db = await openDatabase({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
  try {
    await copyDiskPhotosIntoDatabase(db, options.dataDir);
    await runPgDump(options.databaseUrl, partial);
    const handle = await fs.promises.open(partial, 'r');
    await handle.sync().finally(() => handle.close());
    await fs.promises.rename(partial, file);
    const { photos } = await db
      .selectFrom('photo_blobs')
      .select((eb) => eb.fn.countAll<number>().as('photos'))
      .executeTakeFirstOrThrow();
    return { file, bytes: (await fs.promises.stat(file)).size, photos: Number(photos) };
  } finally {
    await fs.promises.rm(partial, { force: true });
    await db.destroy();
  }
}
