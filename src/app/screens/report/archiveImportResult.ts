// The sentence that ends an archive import, from what it did: a new mission ("importée : 21
// éléments, 3 photos"), one already here and unchanged ("déjà à jour"), or one it updated.
import type { TFunction } from 'i18next';
import type { ImportOutcome } from '../../../report/archive/importArchive';

export function importResultText(outcome: ImportOutcome, t: TFunction<'report'>): string {
  const { added, updated, kept, photosAdded: photos, missionTitle: title } = outcome;
  if (added + updated + photos === 0) return t('archive.result.unchanged', { title });
  if (updated === 0 && kept === 0) {
    return t('archive.result.new', {
      title,
      elements: t('archive.count.elements', { count: added }),
      photos: t('archive.count.photos', { count: photos }),
    });
  }
  const changes = [
    added > 0 && t('archive.count.added', { count: added }),
    updated > 0 && t('archive.count.changed', { count: updated }),
    photos > 0 && t('archive.count.photosAdded', { count: photos }),
  ].filter(Boolean);
  const options = { title, changes: changes.join(', ') };
  return kept === 0
    ? t('archive.result.updated', options)
    : t('archive.result.updatedKept', { ...options, kept: t('archive.count.kept', { count: kept }) });
}
