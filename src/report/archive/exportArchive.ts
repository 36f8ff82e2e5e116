// Writes a mission archive (ZIP): the records as JSON, the photos and thumbnails the device holds,
// and a manifest with the SHA-256 of each file. Photos are stored as they are (JPEG does not
// compress further); the work yields between photos so the page stays responsive.
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { MissionArchiveData } from '../../db/repositories/reportBundle';
import type { Mission, Photo } from '../../shared/model';
import type { ProgressListener } from '../bundle';
import { startProgress } from '../progress';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  type ArchiveManifest,
  DATA_PATH,
  extensionOf,
  MANIFEST_PATH,
  photoPath,
  sha256Hex,
  thumbPath,
} from './format';

export async function exportArchive(
  data: MissionArchiveData,
  options: { onProgress?: ProgressListener; now?: Date } = {},
): Promise<Uint8Array> {
  const mission = data.tables.missions[0] as Mission;
  const photos = (data.tables.photos as Photo[]).filter((p) => !p.deletedAt);
  const hashes = [...new Map(photos.map((p) => [p.hash, p])).values()];
  const progress = startProgress(hashes.length + 1, options.onProgress);

  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  const files: ArchiveManifest['files'] = [];
  const add = async (path: string, bytes: Uint8Array, compress: boolean) => {
    files.push({ path, sha256: await sha256Hex(bytes), bytes: bytes.length });
    const entry = compress ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
    zip.add(entry);
    entry.push(bytes, true);
  };

  await add(DATA_PATH, strToU8(JSON.stringify({ tables: data.tables })), true);
  for (const photo of hashes) {
    const stored = await data.photo(photo.hash);
    if (stored) {
      const ext = extensionOf(photo.mime);
      await add(photoPath(photo.hash, ext), stored.bytes, false);
      await add(thumbPath(photo.hash, ext), stored.thumb, false);
    }
    await progress.step();
  }
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    missionId: mission.id,
    missionTitle: mission.title,
    files,
  };
  const manifestEntry = new ZipDeflate(MANIFEST_PATH, { level: 6 });
  zip.add(manifestEntry);
  manifestEntry.push(strToU8(JSON.stringify(manifest, null, 2)), true);
  zip.end();
  if (failure) throw failure;

  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  progress.finish();
  return out;
}
