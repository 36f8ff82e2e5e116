import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PHOTO_SIZE_CHOICES_PX, setPhotoMaxLongSide, usePhotoMaxLongSide } from '../../db/repositories/storage';
import { readStorageReport, requestPersistentStorage, type StorageReport } from '../../db/storage';
import { PHOTO_MAX_LONG_SIDE_PX, STORAGE_WARN_RATIO } from '../../shared/constants';
import { formatBytes } from '../format';
import { setLanguage } from '../i18n';
import { LANGUAGES, type Language } from '../i18n/catalogues';
import { InstallSettings } from '../install/InstallSettings';
import { ImportMissionCard } from './missions/ImportMissionCard';
import { SyncSettings } from './settings/SyncSettings';

export function SettingsScreen() {
  const { t, i18n } = useTranslation(['settings', 'common', 'visits']);
  const [report, setReport] = useState<StorageReport | null>(null);
  const [refused, setRefused] = useState(false);
  const photoSize = usePhotoMaxLongSide();

  useEffect(() => {
    void readStorageReport().then(setReport);
  }, []);

  async function askPersistence() {
    setRefused(!(await requestPersistentStorage()));
    setReport(await readStorageReport());
  }

  const ratio = report?.usageBytes != null && report.quotaBytes ? report.usageBytes / report.quotaBytes : 0;

  return (
    <div className="page">
      <h1>{t('title')}</h1>

      <section className="card">
        <label htmlFor="language" className="field-label">
          {t('language.label', { ns: 'common' })}
        </label>
        <select id="language" value={i18n.language} onChange={(event) => setLanguage(event.target.value as Language)}>
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {t(`language.${language}`, { ns: 'common' })}
            </option>
          ))}
        </select>
      </section>

      <SyncSettings />

      <InstallSettings />

      <section className="card" aria-labelledby="storage-title">
        <h2 id="storage-title">{t('storage.title')}</h2>
        {report && (
          <>
            <p data-testid="storage-persistence">
              {report.persisted ? t('storage.persisted') : t('storage.notPersisted')}
            </p>
            <p data-testid="storage-usage">
              {report.usageBytes != null && report.quotaBytes != null
                ? t('storage.usage', { used: formatBytes(report.usageBytes), quota: formatBytes(report.quotaBytes) })
                : t('storage.unknown')}
            </p>
            {report.quotaBytes != null && (
              <progress max={1} value={ratio} aria-label={t('storage.title')} className="storage-meter" />
            )}
            {ratio >= STORAGE_WARN_RATIO && (
              <p className="warning" role="alert">
                {t('storage.nearlyFull', { percent: Math.round(ratio * 100) })}
              </p>
            )}
            {!report.persisted && (
              <button type="button" className="button" onClick={() => void askPersistence()}>
                {t('storage.request')}
              </button>
            )}
            {refused && !report.persisted && <p className="muted">{t('storage.refused')}</p>}
          </>
        )}
      </section>

      <ImportMissionCard />

      <section className="card" aria-labelledby="photos-settings-title">
        <h2 id="photos-settings-title">{t('settings.title', { ns: 'visits' })}</h2>
        <label htmlFor="photo-size" className="field-label">
          {t('settings.photoSize', { ns: 'visits' })}
        </label>
        <p className="muted" id="photo-size-hint">
          {t('settings.photoSizeHint', { ns: 'visits' })}
        </p>
        <select
          id="photo-size"
          aria-describedby="photo-size-hint"
          value={photoSize ?? PHOTO_MAX_LONG_SIDE_PX}
          disabled={photoSize === undefined}
          onChange={(event) => void setPhotoMaxLongSide(Number(event.target.value))}
        >
          {PHOTO_SIZE_CHOICES_PX.map((px) => (
            <option key={px} value={px}>
              {t(px === PHOTO_MAX_LONG_SIDE_PX ? 'settings.photoSizeDefault' : 'settings.photoSizeOption', {
                ns: 'visits',
                px,
              })}
            </option>
          ))}
        </select>
      </section>

      <section className="card">
        <h2>{t('about.title')}</h2>
        <p className="muted">{t('about.version', { version: __APP_VERSION__ })}</p>
      </section>
    </div>
  );
}
