// Opens a mission archive and proves it is whole before anything is imported: it must be a ZIP
// with our manifest, of a version we understand, and every file must match its SHA-256, with no
// file missing and none added. Any doubt refuses the whole archive with a named error.
import { strFromU8, unzipSync } from 'fflate';
import { ARCHIVE_MAX_UNZIPPED_BYTES } from '../../shared/constants';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  ArchiveError,
  type ArchiveManifest,
  DATA_PATH,
  dataSchema,
  MANIFEST_PATH,
  MEDIA_PATH,
  manifestSchema,
  sha256Hex,
} from './format';

export interface ArchiveContent {
  manifest: ArchiveManifest;
  /** Records by table name, not yet validated (the database layer checks each one). */
  tables: Record<string, unknown[]>;
  photos: Map<string, { bytes: Uint8Array; thumb: Uint8Array | null }>;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    return undefined;
  }
}

function readManifest(entries: Record<string, Uint8Array>): ArchiveManifest {
  const raw = entries[MANIFEST_PATH] ? parseJson(entries[MANIFEST_PATH]) : undefined;
  const claimed = raw as { format?: unknown; version?: unknown } | undefined;
  if (claimed?.format !== ARCHIVE_FORMAT) throw new ArchiveError('archive-foreign');
  if (typeof claimed.version === 'number' && claimed.version > ARCHIVE_VERSION)
    throw new ArchiveError('archive-version', String(claimed.version));
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new ArchiveError('archive-corrupt', MANIFEST_PATH);
  return parsed.data;
}

/**
 * Unzips, refusing before inflating anything when the sizes the ZIP declares add up to more than
 * `maxUnzippedBytes` (a "ZIP bomb" would otherwise fill the phone's memory). fflate inflates each
 * file into a buffer of its declared size, so a file cannot grow past what it declares.
 */
function unzipWithinLimit(bytes: Uint8Array, maxUnzippedBytes: number): Record<string, Uint8Array> {
  let declared = 0;
  let tooLarge = false;
  try {
    return unzipSync(bytes, {
      filter(file) {
        declared += file.originalSize;
        if (declared > maxUnzippedBytes) tooLarge = true;
        if (tooLarge) throw new ArchiveError('archive-too-large');
        return true;
      },
    });
  } catch (error) {
    throw new ArchiveError(tooLarge ? 'archive-too-large' : 'archive-unreadable', String(error));
  }
}

export async function readArchive(
  bytes: Uint8Array,
  maxUnzippedBytes = ARCHIVE_MAX_UNZIPPED_BYTES,
): Promise<ArchiveContent> {
  const entries = unzipWithinLimit(bytes, maxUnzippedBytes);
  const manifest = readManifest(entries);
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const path of Object.keys(entries)) {
    if (path !== MANIFEST_PATH && !listed.has(path)) throw new ArchiveError('archive-corrupt', `unexpected ${path}`);
  }
  const photos: ArchiveContent['photos'] = new Map();
  for (const file of manifest.files) {
    const content = entries[file.path];
    if (!content) throw new ArchiveError('archive-corrupt', `missing ${file.path}`);
    if ((await sha256Hex(content)) !== file.sha256) throw new ArchiveError('archive-corrupt', `hash ${file.path}`);
    if (file.path === DATA_PATH) continue;
    const media = MEDIA_PATH.exec(file.path);
    if (!media) throw new ArchiveError('archive-corrupt', `unexpected ${file.path}`);
    const [, folder, hash] = media;
    if (folder === 'photos') {
      // The name is the content's hash: a photo renamed or swapped is caught here.
      if (hash !== file.sha256) throw new ArchiveError('archive-corrupt', `hash ${file.path}`);
      photos.set(hash, { bytes: content, thumb: photos.get(hash)?.thumb ?? null });
    } else {
      photos.set(hash, { bytes: photos.get(hash)?.bytes ?? new Uint8Array(), thumb: content });
    }
  }
  const data = dataSchema.safeParse(entries[DATA_PATH] ? parseJson(entries[DATA_PATH]) : undefined);
  if (!data.success) throw new ArchiveError('archive-corrupt', DATA_PATH);
  for (const [hash, photo] of photos) {
    if (photo.bytes.length === 0) throw new ArchiveError('archive-corrupt', `thumbnail without photo ${hash}`);
  }
  return { manifest, tables: data.data.tables, photos };
}
