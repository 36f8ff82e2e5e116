// `npm run restore -- <file>`: puts a backup back into an empty DATA_DIR. Files are unpacked into a
// folder next to DATA_DIR, each hashed as it is written; only when the archive ends properly and
// every file matches the manifest (same files, sizes and SHA-256; photos named by their hash) is
// that folder renamed into place. A corrupt or truncated archive thus leaves nothing behind.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import BetterSqlite3 from 'better-sqlite3';
import { SQLITE_FILE } from '../db/database';
import {
  type BackupManifest,
  isArchivablePath,
  MANIFEST_MAX_BYTES,
  MANIFEST_NAME,
  type ManifestFile,
  parseManifest,
} from './manifest';
import { readTar, TarFormatError } from './tar';

/** A refusal to restore, with the French reason shown to the operator. */
export class RestoreError extends Error {}

function checkEmptyTarget(dataDir: string) {
  if (!fs.existsSync(dataDir)) return;
  if (!fs.statSync(dataDir).isDirectory()) throw new RestoreError(`${dataDir} existe et n'est pas un dossier.`);
  if (fs.readdirSync(dataDir).length > 0) {
    throw new RestoreError(
      `Le dossier de données ${dataDir} n'est pas vide : la restauration n'écrit que dans un dossier vide (DATA_DIR), pour ne rien écraser.`,
    );
  }
}

/** Unpacks the archive into `staging`, returning the manifest and what was really read. */
async function unpack(file: string, staging: string): Promise<{ manifest: BackupManifest; found: ManifestFile[] }> {
  const found: ManifestFile[] = [];
  let manifestText: string | null = null;
  await pipeline(fs.createReadStream(file), zlib.createGunzip(), async (source: AsyncIterable<Buffer>) => {
    await readTar(source, async (entry) => {
      if (manifestText !== null) throw new TarFormatError('fichier après le manifeste');
      if (entry.name === MANIFEST_NAME) {
        if (entry.size > MANIFEST_MAX_BYTES) throw new TarFormatError('manifeste trop grand');
        const parts: Buffer[] = [];
        return {
          write: async (chunk) => void parts.push(Buffer.from(chunk)),
          end: async () => {
            manifestText = Buffer.concat(parts).toString('utf8');
          },
          abort: async () => {},
        };
      }
      if (!isArchivablePath(entry.name)) throw new TarFormatError(`fichier inattendu : ${entry.name}`);
      if (found.some((f) => f.path === entry.name)) throw new TarFormatError(`fichier en double : ${entry.name}`);
      const target = path.join(staging, entry.name);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const handle = await fs.promises.open(target, 'wx');
      const hash = createHash('sha256');
      let bytes = 0;
      return {
        write: async (chunk) => {
          hash.update(chunk);
          bytes += chunk.length;
          await handle.write(chunk);
        },
        end: async () => {
          await handle.sync();
          await handle.close();
          found.push({ path: entry.name, bytes, sha256: hash.digest('hex') });
        },
        // The staging folder is removed afterwards; only the open file must be let go.
        abort: () => handle.close(),
      };
    });
  });
  if (manifestText === null) throw new TarFormatError('archive sans manifeste (tronquée ?)');
  let manifest: BackupManifest;
  try {
    manifest = parseManifest(manifestText);
  } catch {
    throw new TarFormatError('manifeste illisible');
  }
  return { manifest, found };
}

function verify(manifest: BackupManifest, found: ManifestFile[]) {
  const expected = new Map(manifest.files.map((f) => [f.path, f]));
  if (expected.size !== manifest.files.length) throw new RestoreError('Le manifeste liste un fichier deux fois.');
  for (const file of found) {
    const listed = expected.get(file.path);
    if (!listed) throw new RestoreError(`Fichier absent du manifeste : ${file.path}.`);
    if (listed.bytes !== file.bytes || listed.sha256 !== file.sha256) {
      throw new RestoreError(`Fichier abîmé : ${file.path} (son SHA-256 ne correspond pas au manifeste).`);
    }
    if (file.path.startsWith('photos/') && path.basename(file.path) !== file.sha256) {
      throw new RestoreError(`Photo abîmée : ${file.path} (son contenu ne correspond pas à son nom).`);
    }
    expected.delete(file.path);
  }
  if (expected.size > 0) throw new RestoreError(`Fichier manquant dans l'archive : ${[...expected.keys()][0]}.`);
  if (manifest.database === 'sqlite' && !found.some((f) => f.path === SQLITE_FILE)) {
    throw new RestoreError("L'archive ne contient pas la base SQLite.");
  }
}

/** pg_dump's custom format starts with "PGDMP" (what `npm run backup` writes on PostgreSQL). */
async function isPgDump(file: string): Promise<boolean> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(5);
    const { bytesRead } = await handle.read(head, 0, 5, 0);
    return bytesRead === 5 && head.toString('latin1') === 'PGDMP';
  } finally {
    await handle.close();
  }
}

export interface RestoreResult {
  manifest: BackupManifest;
  photos: number;
}

export async function restoreBackup(options: { file: string; dataDir: string }): Promise<RestoreResult> {
  const file = path.resolve(options.file);
  const dataDir = path.resolve(options.dataDir);
  if (!fs.existsSync(file)) throw new RestoreError(`Archive introuvable : ${file}.`);
  if (await isPgDump(file)) {
    throw new RestoreError(
      'Ce fichier est une sauvegarde PostgreSQL (pg_dump, base et photos) : restaurez-la avec pg_restore dans une base vide (voir le README).',
    );
  }
  checkEmptyTarget(dataDir);
  await fs.promises.mkdir(path.dirname(dataDir), { recursive: true });
  const staging = await fs.promises.mkdtemp(`${dataDir}.restauration-`);
  try {
    let unpacked: Awaited<ReturnType<typeof unpack>>;
    try {
      unpacked = await unpack(file, staging);
    } catch (error) {
      if (error instanceof TarFormatError) throw new RestoreError(`Archive refusée : ${error.message}.`);
      if ((error as { code?: string }).code?.startsWith('Z_')) {
        throw new RestoreError('Archive refusée : elle est abîmée ou tronquée (compression illisible).');
      }
      throw error;
    }
    verify(unpacked.manifest, unpacked.found);
    if (unpacked.manifest.database === 'sqlite') {
      const db = new BetterSqlite3(path.join(staging, SQLITE_FILE), { fileMustExist: true });
      try {
        const check = db.pragma('quick_check', { simple: true });
        if (check !== 'ok') throw new RestoreError(`Base SQLite de l'archive abîmée : ${String(check)}.`);
      } finally {
        db.close();
      }
    }
    // Checked again right before: nothing may have been written there meanwhile.
    checkEmptyTarget(dataDir);
    if (fs.existsSync(dataDir)) await fs.promises.rmdir(dataDir);
    await fs.promises.rename(staging, dataDir);
    return { manifest: unpacked.manifest, photos: unpacked.found.filter((f) => f.path.startsWith('photos/')).length };
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true });
  }
}
