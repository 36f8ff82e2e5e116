// Opens a mission archive and proves it is whole before anything is imported: it must be a ZIP
// with our manifest, of a version we understand, and every file must match its SHA-256, with no
// file missing and none added. Any doubt refuses the whole archive with a named error. The archive
// is read from the chosen file entry by entry (zipEntries.ts): refused before inflating anything
// when it declares more than the limit once unzipped, and as soon as what it really holds passes it.
// Photos are kept as Blobs, which the browser may keep out of the page's memory.
import { strFromU8 } from 'fflate';
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
import { listZipEntries, readZipEntry, type UnzipBudget, type ZipEntry } from './zipEntries';

export interface ArchiveContent {
  manifest: ArchiveManifest;
  /** Records by table name, not yet validated (the database layer checks each one). */
  tables: Record<string, unknown[]>;
  photos: Map<string, { bytes: Blob; thumb: Blob | null }>;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    return undefined;
  }
}

function readManifest(bytes: Uint8Array | undefined): ArchiveManifest {
  const raw = bytes ? parseJson(bytes) : undefined;
  const claimed = raw as { format?: unknown; version?: unknown } | undefined;
  if (claimed?.format !== ARCHIVE_FORMAT) throw new ArchiveError('archive-foreign');
  if (typeof claimed.version === 'number' && claimed.version > ARCHIVE_VERSION)
    throw new ArchiveError('archive-version', String(claimed.version));
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new ArchiveError('archive-corrupt', MANIFEST_PATH);
  return parsed.data;
}

/** The entries, refused before inflating any when the sizes they declare add up past the limit. */
async function entriesWithinLimit(zip: Blob, maxUnzippedBytes: number): Promise<Map<string, ZipEntry>> {
  const entries = await listZipEntries(zip);
  const declared = entries.reduce((sum, entry) => sum + entry.declaredSize, 0);
  if (declared > maxUnzippedBytes) throw new ArchiveError('archive-too-large', `${declared} bytes declared`);
  return new Map(entries.map((entry) => [entry.name, entry]));
}

export async function readArchive(
  source: Blob | Uint8Array,
  maxUnzippedBytes = ARCHIVE_MAX_UNZIPPED_BYTES,
): Promise<ArchiveContent> {
  const zip = source instanceof Blob ? source : new Blob([source as Uint8Array<ArrayBuffer>]);
  const entries = await entriesWithinLimit(zip, maxUnzippedBytes);
  const budget: UnzipBudget = { remaining: maxUnzippedBytes };
  const read = (entry: ZipEntry) => readZipEntry(zip, entry, budget);

  const manifestEntry = entries.get(MANIFEST_PATH);
  const manifest = readManifest(manifestEntry ? await read(manifestEntry) : undefined);
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const path of entries.keys()) {
    if (path !== MANIFEST_PATH && !listed.has(path)) throw new ArchiveError('archive-corrupt', `unexpected ${path}`);
  }
  const photos = new Map<string, { bytes: Blob | null; thumb: Blob | null }>();
  let data: unknown;
  for (const file of manifest.files) {
    const entry = entries.get(file.path);
    if (!entry) throw new ArchiveError('archive-corrupt', `missing ${file.path}`);
    const content = await read(entry);
    if ((await sha256Hex(content)) !== file.sha256) throw new ArchiveError('archive-corrupt', `hash ${file.path}`);
    if (file.path === DATA_PATH) {
      data = parseJson(content);
      continue;
    }
    const media = MEDIA_PATH.exec(file.path);
    if (!media) throw new ArchiveError('archive-corrupt', `unexpected ${file.path}`);
    const [, folder, hash] = media;
    const photo = photos.get(hash) ?? { bytes: null, thumb: null };
    if (folder === 'photos') {
      // The name is the content's hash: a photo renamed or swapped is caught here.
      if (hash !== file.sha256) throw new ArchiveError('archive-corrupt', `hash ${file.path}`);
      photo.bytes = new Blob([content as Uint8Array<ArrayBuffer>]);
    } else {
      photo.thumb = new Blob([content as Uint8Array<ArrayBuffer>]);
    }
    photos.set(hash, photo);
  }
  const parsed = dataSchema.safeParse(data);
  if (!parsed.success) throw new ArchiveError('archive-corrupt', DATA_PATH);
  const complete: ArchiveContent['photos'] = new Map();
  for (const [hash, photo] of photos) {
    if (!photo.bytes) throw new ArchiveError('archive-corrupt', `thumbnail without photo ${hash}`);
    complete.set(hash, { bytes: photo.bytes, thumb: photo.thumb });
  }
  return { manifest, tables: parsed.data.tables, photos: complete };
}
