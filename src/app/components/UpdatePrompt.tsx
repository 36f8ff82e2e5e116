// Tells the user a new version is ready and reloads only when they agree: a reload chosen by the
// app could interrupt someone typing a note (autosave keeps the text, but not their place).

import { useRegisterSW } from 'virtual:pwa-register/react';
import { useTranslation } from 'react-i18next';

export function UpdatePrompt() {
  const { t } = useTranslation();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW();

  if (needRefresh) {
    return (
      <div className="toast" role="alertdialog" aria-labelledby="update-text">
        <p id="update-text">{t('update.available')}</p>
        <div className="toast-actions">
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
      <div className="toast" role="status">
        <p>{t('update.offlineReady')}</p>
        <div className="toast-actions">
          <button type="button" className="button" onClick={() => setOfflineReady(false)}>
            {t('update.close')}
          </button>
        </div>
      </div>
    );
  }
  return null;
}
