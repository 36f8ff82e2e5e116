// Tells the user a new version is ready and reloads only when they agree: a reload chosen by the
// app could interrupt someone typing a note (autosave keeps the text, but not their place).
// Shown as a banner in the page flow, never over the page, so it cannot hide a form's buttons.

import { useRegisterSW } from 'virtual:pwa-register/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

const OFFLINE_READY_NOTICE_MS = 6_000;

export function UpdatePrompt() {
  const { t } = useTranslation();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW();

  useEffect(() => {
    if (!offlineReady) return;
    const timer = setTimeout(() => setOfflineReady(false), OFFLINE_READY_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [offlineReady, setOfflineReady]);

  if (needRefresh) {
    return (
      <div className="banner" role="alertdialog" aria-labelledby="update-text">
        <p id="update-text">{t('update.available')}</p>
        <div className="button-row">
          <button type="button" className="button primary" onClick={() => void updateServiceWorker(true)}>
            {t('update.reload')}
          </button>
          <button type="button" className="button" onClick={() => setNeedRefresh(false)}>
            {t('update.later')}
          </button>
        </div>
      </div>
    );
  }
  if (offlineReady) {
    return (
      <div className="banner" role="status">
        <p>{t('update.offlineReady')}</p>
        <button type="button" className="button" onClick={() => setOfflineReady(false)}>
          {t('update.close')}
        </button>
      </div>
    );
  }
  return null;
}
