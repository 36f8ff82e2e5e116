// The title page's logos (up to three), chosen on the phone: each image is made small in the photo
// worker (a PNG keeps its transparency) and stored at once as a logo of the mission, which syncs
// and reaches the other members like a note's photo (db/repositories/logos.ts).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isQuotaError } from '../../../db/errors';
import { addMissionLogo, removeMissionLogo, TooManyLogosError, useMissionLogos } from '../../../db/repositories/logos';
import { usePhotoBlob } from '../../../db/repositories/photos';
import { processPhotos } from '../../../photos/processPhotos';
import { LOGO_LONG_SIDE_PX } from '../../../shared/constants';
import { REPORT_LOGOS_MAX } from '../../../shared/fieldLimits';
import type { Photo } from '../../../shared/model';
import { useObjectUrl } from '../visits/useObjectUrl';

type LogoError = 'not-an-image' | 'corrupt-image' | 'worker-failed' | 'saveFailed' | 'quota' | 'tooMany';

export function ReportLogos({ missionId }: { missionId: string }) {
  const { t } = useTranslation('report');
  const logos = useMissionLogos(missionId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: LogoError; name: string } | null>(null);

  async function addLogo(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await processPhotos(
        [file],
        LOGO_LONG_SIDE_PX,
        async (outcome) => {
          if (!outcome.ok) return setError({ code: outcome.error, name: file.name });
          try {
            await addMissionLogo(missionId, outcome.photo);
          } catch (failure) {
            const code =
              failure instanceof TooManyLogosError ? 'tooMany' : isQuotaError(failure) ? 'quota' : 'saveFailed';
            setError({ code, name: file.name });
          }
        },
        { keepTransparency: true },
      );
    } finally {
      setBusy(false);
    }
  }

  if (!logos) return null;
  return (
    <fieldset className="field plain report-logos">
      <legend className="field-label">{t('settings.logos')}</legend>
      <p className="muted">{t('settings.logosHint', { max: REPORT_LOGOS_MAX })}</p>
      {logos.length > 0 && (
        <ol className="logo-list" aria-label={t('settings.logos')}>
          {logos.map((logo, index) => (
            <LogoItem key={logo.id} logo={logo} n={index + 1} />
          ))}
        </ol>
      )}
      {logos.length < REPORT_LOGOS_MAX && (
        <label className="button file-button" aria-disabled={busy || undefined}>
          {busy ? t('settings.logoProcessing') : t('settings.addLogo')}
          <input
            type="file"
            className="file-input"
            accept="image/png,image/jpeg,image/webp,image/gif"
            disabled={busy}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              void addLogo(file);
            }}
          />
        </label>
      )}
      {error && (
        <p className="field-error" role="alert">
          {t(`settings.logoErrors.${error.code}`, { name: error.name, max: REPORT_LOGOS_MAX })}
        </p>
      )}
    </fieldset>
  );
}

function LogoItem({ logo, n }: { logo: Photo; n: number }) {
  const { t } = useTranslation('report');
  const stored = usePhotoBlob(logo.hash);
  // The full image, not the thumbnail: a logo is small, and a downloaded one's thumbnail is a JPEG.
  const url = useObjectUrl(stored?.blob);
  return (
    <li className="logo-item">
      {url ? (
        <img src={url} alt={t('settings.logoAlt', { n })} />
      ) : (
        <span className="logo-missing muted">{t('settings.logoNotHere')}</span>
      )}
      <button type="button" className="button" onClick={() => void removeMissionLogo(logo.id)}>
        {t('settings.removeLogo', { n })}
      </button>
    </li>
  );
}
