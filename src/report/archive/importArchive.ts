// Imports a mission archive into this device: read and verify it (readArchive), then merge it
// through the database layer. Throws an ArchiveError whose code the screen turns into French.
import { applyMissionArchive, type ImportSummary } from '../../db/repositories/archiveImport';
import { ArchiveError } from './format';
import { readArchive } from './readArchive';

export interface ImportOutcome extends ImportSummary {
  missionId: string;
  missionTitle: string;
}

/** `archive`: the chosen file (read entry by entry), or its bytes. */
export async function importArchive(archive: Blob | Uint8Array): Promise<ImportOutcome> {
  const content = await readArchive(archive);
  const result = await applyMissionArchive({
    missionId: content.manifest.missionId,
    tables: content.tables,
    photos: content.photos,
  });
  if (!result.ok) throw new ArchiveError(result.error, result.detail);
  const { ok: _ok, ...summary } = result;
  return { missionId: content.manifest.missionId, missionTitle: content.manifest.missionTitle, ...summary };
}
