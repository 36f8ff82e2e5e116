// One photo of a note: its thumbnail, size and EXIF facts, and a caption saved as it is typed
// (journaled like the note text, so a reload keeps it).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { removeNotePhoto, setPhotoCaption, setPhotoForReport, usePhotoBlob } from '../../../db/repositories/photos';
import { readDraftJournal, writeDraftJournal } from '../../../db/repositories/storage';
import type { Photo } from '../../../shared/model';
import { AutoGrowTextarea } from '../../components/AutoGrowTextarea';
import { FormError } from '../../components/Field';
import { formatBytes, formatDay, formatPosition } from '../../format';
import { saveErrorMessage } from './saveErrors';
import { useReportSaveStatus } from './saveStatus';
import { useDebouncedSave } from './useDebouncedSave';
import { useObjectUrl } from './useObjectUrl';

export function PhotoItem({ photo, n, readOnly }: { photo: Photo; n: number; readOnly: boolean }) {
  const { t } = useTranslation(['visits', 'common']);
  const stored = usePhotoBlob(photo.hash);
  const thumbUrl = useObjectUrl(stored?.thumb);
  const journalKey = `caption.${photo.id}`;
  const [journaled] = useState(() => readDraftJournal<string>(journalKey));
  const [caption, setCaption] = useState(journaled ?? photo.caption);
  const latest = useRef(caption);
  const [error, setError] = useState<string | null>(null);

  const save = useCallback(async () => {
    const value = latest.current;
    await setPhotoCaption(photo.id, value);
    setError(null);
    if (latest.current === value) writeDraftJournal(journalKey, null);
  }, [photo.id, journalKey]);
  const saver = useDebouncedSave(save, (e) => setError(saveErrorMessage(e, t)));
  useReportSaveStatus(`caption-${photo.id}`, saver.status, error);

  // A caption journaled before a reload or a crash: store it now.
  const { schedule } = saver;
  useEffect(() => {
    if (journaled !== null) schedule();
  }, [schedule, journaled]);

  // The checkbox and the remove button write at once; a failure (full storage) is said, not lost.
  const [actionError, setActionError] = useState<string | null>(null);
  const act = (write: () => Promise<unknown>) => {
    setActionError(null);
    write().catch((e: unknown) => setActionError(saveErrorMessage(e, t)));
  };

  const captionId = `photo-${photo.id}-caption`;
  const takenDay = photo.takenAt ? formatDay(photo.takenAt.slice(0, 10)) : null;
  return (
    <li className="photo-item">
      <div className="photo-thumb">
        {thumbUrl && <img src={thumbUrl} alt={photo.caption || t('photos.alt', { n })} />}
      </div>
      <div className="photo-meta">
        <p className="muted">
          {t('photos.details', { width: photo.width, height: photo.height, size: formatBytes(photo.bytes) })}
        </p>
        {takenDay && <p className="muted">{t('photos.takenAt', { date: takenDay })}</p>}
        {photo.exifLat != null && photo.exifLon != null && (
          <p className="muted">
            {t('photos.exifPosition', { position: formatPosition(photo.exifLat, photo.exifLon) })}
          </p>
        )}
        <div className="field">
          <label htmlFor={captionId}>{t('photos.caption', { n })}</label>
          <AutoGrowTextarea
            id={captionId}
            rows={1}
            className="short"
            disabled={readOnly}
            placeholder={t('photos.captionPlaceholder')}
            value={caption}
            onChange={(event) => {
              latest.current = event.target.value;
              setCaption(event.target.value);
              writeDraftJournal(journalKey, event.target.value);
              schedule();
            }}
          />
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={photo.forReport}
            disabled={readOnly}
            onChange={(event) => act(() => setPhotoForReport(photo.id, event.target.checked))}
          />
          {t('photos.forReport')}
        </label>
        <FormError message={actionError} />
        {!readOnly && (
          <button
            type="button"
            className="button danger"
            onClick={() => {
              if (window.confirm(t('photos.removeConfirm', { n }))) act(() => removeNotePhoto(photo.id));
            }}
          >
            {t('photos.remove', { n })}
          </button>
        )}
      </div>
    </li>
  );
}
