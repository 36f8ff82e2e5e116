import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { promptInstall } from './installPrompt';

/** Opens the browser's own install dialog (the offer it made with `beforeinstallprompt`). */
export function InstallButton() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="button primary"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        promptInstall().finally(() => setBusy(false));
      }}
    >
      {t('install.button')}
    </button>
  );
}
