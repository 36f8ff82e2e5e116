// Shows the flash message of the current page (see flash.ts) under the header, with a close button.
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { flash } from './flash';

export function FlashNotice() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const current = useSyncExternalStore(flash.subscribe, flash.get, flash.get);
  useEffect(() => {
    // Leaving the page it was written for ends it: it is about that page.
    const shown = flash.get();
    if (shown && shown.path !== location) flash.dismiss();
  }, [location]);
  if (current === null || current.path !== location) return null;
  return (
    <div className="flash-notice" role="status">
      <p>{current.message}</p>
      <button
        type="button"
        className="notice-close"
        aria-label={t('actions.close')}
        title={t('actions.close')}
        onClick={flash.dismiss}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
