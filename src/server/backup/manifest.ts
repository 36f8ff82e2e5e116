// What a backup holds, written as its last file (manifest.json): every other file's path, size and
// SHA-256. A restore checks each file against it before anything is put in place.

export const MANIFEST_NAME = 'manifest.json';
export const BACKUP_FORMAT = 'terrain-sauvegarde';
export const BACKUP_FORMAT_VERSION = 1;
/** The manifest is read into memory: far above what 1 million photos need. */
export const MANIFEST_MAX_BYTES = 256 * 1024 * 1024;

export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** 'sqlite': the database is in the archive; 'postgresql': only the photos (pg_dump the database). */
  database: 'sqlite' | 'postgresql';
  files: ManifestFile[];
}

/** The only paths an archive may hold: the SQLite file and content-addressed photos. */
export function isArchivablePath(name: string): boolean {
  return name === 'terrain.sqlite' || /^photos\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(name);
}

export function parseManifest(text: string): BackupManifest {
  const value = JSON.parse(text) as Partial<BackupManifest>;
  if (value.format !== BACKUP_FORMAT || value.version !== BACKUP_FORMAT_VERSION || !Array.isArray(value.files)) {
    throw new Error('manifeste inconnu');
  }
  for (const file of value.files) {
    if (
      !file ||
      typeof file.path !== 'string' ||
      !isArchivablePath(file.path) ||
      !Number.isSafeInteger(file.bytes) ||
      !/^[0-9a-f]{64}$/.test(String(file.sha256))
    ) {
      throw new Error('manifeste illisible');
    }
  }
  return value as BackupManifest;
}
