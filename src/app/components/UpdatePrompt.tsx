// Tells the user a new version is ready and reloads only when they agree: a reload chosen by the
// app could interrupt someone typing a note (autosave keeps the text, but not their place).
// Shown as a banner in the page flow, never over the page, so it cannot hide a form's buttons.

import { useRegisterSW } from 'virtual:pwa-register/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

const OFFLINE_READY_NOTICE_MS = 6_000;

/**
 * Takes the new version, after the user's click. A waiting worker is asked to take over and the
 * page reloads once it controls it: we listen ourselves, because vite-plugin-pwa's own reload misses
 * the first update of a page (vite-plugin-pwa#789). A worker that is already active (the page was
 * not controlled yet, so nothing held it back) only needs the reload.
 */
async function takeNewVersion(skipWaiting: () => Promise<void>) {
  const registration = await navigator.serviceWorker?.getRegistration();
  if (!registration?.waiting) {
    window.location.reload();
    return;
  }
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
  await skipWaiting();
}

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
          <button
            type="button"
            className="button primary"
            onClick={() => void takeNewVersion(() => updateServiceWorker(true))}
          >
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
      // Over the page's foot for a few seconds, not in its flow: it arrives while the first screen
      // is read (the first install finishes), and pushing that screen down would make it jump.
      // One line with a × (it took 160 px of a 640 px phone with a full "Fermer" button under it).
      <div className="banner toast notice-line" role="status">
        <p title={t('update.offlineReady')}>{t('update.offlineReady')}</p>
        <button
          type="button"
          className="icon-button"
          aria-label={t('update.close')}
          title={t('update.close')}
          onClick={() => setOfflineReady(false)}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
    );
  }
  return null;
}
