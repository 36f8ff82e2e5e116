// A note's photos in the review list: thumbnails that open the photo full size in a dialog, where a
// coordinator marks it "Pour le rapport" (photos.forReport, which the report export follows).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setPhotoForReport, useNotePhotos, usePhotoBlob } from '../../../db/repositories/photos';
import type { Photo } from '../../../shared/model';
import { FormError } from '../../components/Field';
import { useObjectUrl } from '../visits/useObjectUrl';
import { reviewErrorMessage } from './reviewErrors';

/** Shows the choice at once; the stored record (and what sync brings) follows and wins. */
function ForReportToggle({ photo }: { photo: Photo }) {
  const { t } = useTranslation('review');
  const [checked, setChecked] = useState(photo.forReport);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setChecked(photo.forReport), [photo.forReport]);
  return (
    <>
      <label className="check">
        <input
          type="checkbox"
          checked={checked}
          onChange={(event) => {
            const value = event.target.checked;
            setChecked(value);
            setError(null);
            setPhotoForReport(photo.id, value).catch((e) => {
              setChecked(!value);
              setError(reviewErrorMessage(e, t));
            });
          }}
        />
        {t('photos.forReport')}
      </label>
      <FormError message={error} />
    </>
  );
}

function PhotoDialog({
  photo,
  n,
  commune,
  onClose,
}: {
  photo: Photo;
  n: number;
  commune: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('review');
  const ref = useRef<HTMLDialogElement>(null);
  const stored = usePhotoBlob(photo.hash);
  const url = useObjectUrl(stored?.blob);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const titleId = `photo-dialog-${photo.id}`;
  return (
    <dialog ref={ref} className="photo-dialog" aria-labelledby={titleId} onClose={onClose}>
      <div className="photo-dialog-bar">
        <h3 id={titleId}>{t('photos.dialog', { n, commune })}</h3>
        <button type="button" className="button" onClick={() => ref.current?.close()}>
          {t('photos.close')}
        </button>
      </div>
      {url ? (
        <img
          src={url}
          alt={photo.caption || t('photos.alt', { n, commune })}
          width={photo.width}
          height={photo.height}
        />
      ) : (
        stored === null && <p className="muted">{t('photos.notHere')}</p>
      )}
      {photo.caption && <p className="prose">{photo.caption}</p>}
      <ForReportToggle photo={photo} />
    </dialog>
  );
}

function Thumb({ photo, n, onOpen }: { photo: Photo; n: number; onOpen: () => void }) {
  const { t } = useTranslation('review');
  const stored = usePhotoBlob(photo.hash);
  const url = useObjectUrl(stored?.thumb);
  return (
    <li>
      <button
        type="button"
        className="photo-thumb-button"
        // The star alone says nothing to a screen reader: the button's name says the photo is chosen.
        aria-label={photo.forReport ? t('photos.openChosen', { n }) : t('photos.open', { n })}
        onClick={onOpen}
      >
        {url ? <img src={url} alt="" /> : <span aria-hidden="true">{n}</span>}
        {photo.forReport && (
          <span className="photo-report-mark" aria-hidden="true" title={t('photos.chosen')}>
            ★
          </span>
        )}
      </button>
    </li>
  );
}

export function PhotoStrip({ noteId, commune }: { noteId: string; commune: string }) {
  const { t } = useTranslation('review');
  const photos = useNotePhotos(noteId);
  const [open, setOpen] = useState<string | null>(null);
  if (!photos || photos.length === 0) return null;
  const index = photos.findIndex((p) => p.id === open);
  return (
    <>
      <ul className="photo-strip" aria-label={t('list.photos', { commune })}>
        {photos.map((photo, i) => (
          <Thumb key={photo.id} photo={photo} n={i + 1} onOpen={() => setOpen(photo.id)} />
        ))}
      </ul>
      {index >= 0 && (
        <PhotoDialog photo={photos[index]} n={index + 1} commune={commune} onClose={() => setOpen(null)} />
      )}
    </>
  );
}
