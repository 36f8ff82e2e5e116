// A note's photos: take one with the camera or pick several from the gallery; they are made small
// in a worker (with progress), listed with a thumbnail, and captioned. A broken file gets a message.
import { useTranslation } from 'react-i18next';
import { useNotePhotos } from '../../../db/repositories/photos';
import { isNearlyFull, usageRatio, usePhotoMaxLongSide, useStorageReport } from '../../../db/repositories/storage';
import type { VisitNote } from '../../../shared/model';
import { PhotoItem } from './PhotoItem';
import { usePhotoImport } from './usePhotoImport';

export function PhotoSection({ note, readOnly }: { note: VisitNote; readOnly: boolean }) {
  const { t } = useTranslation(['visits', 'common']);
  const photos = useNotePhotos(note.id);
  const maxLongSidePx = usePhotoMaxLongSide();
  const storage = useStorageReport();
  const { progress, errors, importFiles, dismissErrors } = usePhotoImport(note, maxLongSidePx ?? 0, storage.refresh);
  const busy = progress !== null || maxLongSidePx === undefined;

  const fileInput = (kind: 'take' | 'choose') => (
    <label className={`button file-button${kind === 'take' ? ' primary' : ''}`} aria-disabled={busy || undefined}>
      {t(`photos.${kind}`)}
      <input
        type="file"
        className="file-input"
        accept="image/*"
        disabled={busy}
        {...(kind === 'take' ? { capture: 'environment' as const } : { multiple: true })}
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          event.currentTarget.value = '';
          void importFiles(files);
        }}
      />
    </label>
  );

  return (
    <section className="card" aria-labelledby="photos-title">
      <h3 id="photos-title">{t('photos.title')}</h3>
      {isNearlyFull(storage.report) && (
        <p className="warning" role="alert">
          {t('photos.nearlyFull', { percent: Math.round((usageRatio(storage.report) ?? 0) * 100) })}
        </p>
      )}
      {!readOnly && (
        <div className="button-row">
          {fileInput('take')}
          {fileInput('choose')}
        </div>
      )}
      {progress && (
        <div role="status" className="photo-progress">
          <p>{t('photos.processing', progress)}</p>
          <progress max={progress.total} value={progress.done} aria-label={t('photos.processing', progress)} />
        </div>
      )}
      {errors.length > 0 && (
        <div className="photo-errors" role="alert">
          <ul>
            {errors.map((error, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same file name may fail twice
              <li key={index} className="field-error">
                {error.code === 'quota'
                  ? t('errors.quota', { ns: 'common' })
                  : t(`photos.errors.${error.code}`, { name: error.name })}
              </li>
            ))}
          </ul>
          <button type="button" className="button" onClick={dismissErrors}>
            {t('photos.dismiss')}
          </button>
        </div>
      )}
      {photos && photos.length === 0 && <p className="empty">{t('photos.empty')}</p>}
      {photos && photos.length > 0 && (
        <ol className="photo-list" aria-label={t('photos.title')}>
          {photos.map((photo, index) => (
            <PhotoItem key={photo.id} photo={photo} n={index + 1} readOnly={readOnly} />
          ))}
        </ol>
      )}
    </section>
  );
}
