// "Installer Terrain" under the missions list, until the app runs installed: a button where
// the browser offers installing, the home-screen steps on an iPhone or iPad (where Safari would
// otherwise delete the data after 7 days without a visit). Hidden for the session by its ×, it
// comes back if notes or photos wait to be sent when there were none at the time it was hidden.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppleSteps } from './AppleSteps';
import { InstallButton } from './InstallButton';
import { useHasUnsentData, useInstallState } from './useInstall';

const HIDDEN_KEY = 'terrain.installInvitationHidden';
type Hidden = 'none' | 'without-unsent' | 'with-unsent';

function readHidden(): Hidden {
  try {
    return (sessionStorage.getItem(HIDDEN_KEY) as Hidden | null) ?? 'none';
  } catch {
    return 'none';
  }
}

export function InstallInvitation() {
  const { t } = useTranslation();
  const state = useInstallState();
  const unsent = useHasUnsentData();
  const [hidden, setHidden] = useState(readHidden);
  if (state !== 'prompt' && state !== 'apple') return null;
  if (unsent === undefined) return null; // counting: no flash of the wrong wording
  if (hidden === 'with-unsent' || (hidden === 'without-unsent' && !unsent)) return null;

  function hide() {
    const value: Hidden = unsent ? 'with-unsent' : 'without-unsent';
    setHidden(value);
    try {
      sessionStorage.setItem(HIDDEN_KEY, value);
    } catch {
      // Private mode: hidden until the page reloads.
    }
  }

  return (
    <section className="install-invitation" aria-labelledby="install-invitation-text">
      <div className="install-invitation-line">
        <p id="install-invitation-text">{state === 'apple' ? t('install.applePitch') : t('install.pitch')}</p>
        <button
          type="button"
          className="notice-close"
          aria-label={t('install.hide')}
          title={t('install.hide')}
          onClick={hide}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {unsent && <p className="install-unsent">{t('install.unsent')}</p>}
      {state === 'prompt' ? <InstallButton /> : <AppleSteps collapsed />}
    </section>
  );
}
