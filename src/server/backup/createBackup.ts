// `npm run backup -- <file>`: one .tar.gz holding a consistent snapshot of the SQLite database,
// every photo file, and a manifest with each file's SHA-256, made while the server runs and takes
// pushes. The snapshot point is the SQLite online backup (one step, one read transaction: WAL lets
// the server keep writing meanwhile); every photo the snapshot lists was on disk before its row was
// written (photos/store.ts renames, then inserts), and photos never change (named by their hash), so
// walking the photo folder afterwards finds them all. The archive is written as <file>.partial and
// renamed at the end: a failed backup never leaves a file that looks complete.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import BetterSqlite3 from 'better-sqlite3';
import { SQLITE_FILE } from '../db/database';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupManifest,
  MANIFEST_NAME,
  type ManifestFile,
} from './manifest';
import { TAR_END, tarHeader, tarPadding } from './tar';

export interface BackupResult {
  file: string;
  manifest: BackupManifest;
  archiveBytes: number;
}

/** Copies the live SQLite database into `target` in one step of the online backup API. */
async function snapshotSqlite(dataDir: string, target: string): Promise<void> {
  const source = new BetterSqlite3(path.join(dataDir, SQLITE_FILE), { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // The first transfer only counts pages; the answer "all of them" makes the copy a single step, so
    // it reads one snapshot (with steps, every write by the server in between restarts the copy).
    await source.backup(target, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
}

/** Every stored photo file, as archive paths (photos/ab/<sha-256>), sorted. */
async function photoPaths(dataDir: string): Promise<string[]> {
  const root = path.join(dataDir, 'photos');
  if (!fs.existsSync(root)) return [];
  const out: string[] = [];
  for (const prefix of (await fs.promises.readdir(root)).sort()) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const name of (await fs.promises.readdir(path.join(root, prefix))).sort()) {
      if (/^[0-9a-f]{64}$/.test(name) && name.startsWith(prefix)) out.push(`photos/${prefix}/${name}`);
    }
  }
  return out;
}

/** Streams one file into the archive, hashing it on the way; its size must not change meanwhile. */
async function* archiveFile(name: string, file: string, files: ManifestFile[]): AsyncGenerator<Buffer> {
  const stat = await fs.promises.stat(file);
  yield tarHeader(name, stat.size, stat.mtime);
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 256 * 1024 })) {
    const part = chunk as Buffer;
    bytes += part.length;
    if (bytes > stat.size) break;
    hash.update(part);
    yield part;
  }
  if (bytes !== stat.size) throw new Error(`${name} a changé pendant la sauvegarde`);
  const sha256 = hash.digest('hex');
  // Photos are named by their hash: a mismatch is a damaged file on this disk, not to be kept.
  if (name.startsWith('photos/') && path.basename(name) !== sha256) {
    throw new Error(`photo abîmée sur le disque (son contenu ne correspond plus à son nom) : ${file}`);
  }
  files.push({ path: name, bytes, sha256 });
  yield tarPadding(bytes);
}

export async function createBackup(options: { dataDir: string; file: string }): Promise<BackupResult> {
  const file = path.resolve(options.file);
  const partial = `${file}.partial`;
  const snapshot = `${file}.sqlite.partial`;
  const files: ManifestFile[] = [];
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    database: 'sqlite',
    files,
  };
  try {
    await snapshotSqlite(options.dataDir, snapshot);
    const photos = await photoPaths(options.dataDir);
    async function* entries(): AsyncGenerator<Buffer> {
      yield* archiveFile(SQLITE_FILE, snapshot, files);
      for (const name of photos) yield* archiveFile(name, path.join(options.dataDir, name), files);
      const text = Buffer.from(JSON.stringify(manifest, null, 1));
      yield tarHeader(MANIFEST_NAME, text.length, new Date());
      yield text;
      yield tarPadding(text.length);
      yield TAR_END;
    }
    // Level 1: photos do not compress (JPEG), the database's JSON does, cheaply.
    await pipeline(entries, zlib.createGzip({ level: 1 }), fs.createWriteStream(partial));
    const handle = await fs.promises.open(partial, 'r');
    await handle.sync().finally(() => handle.close());
    await fs.promises.rename(partial, file);
    return { file, manifest, archiveBytes: (await fs.promises.stat(file)).size };
  } finally {
    await fs.promises.rm(partial, { force: true });
    await fs.promises.rm(snapshot, { force: true });
  }
}
