// The settings' "Application" section: whether Terrain runs installed, and how to install it.
import { useTranslation } from 'react-i18next';
import { AppleSteps } from './AppleSteps';
import { InstallButton } from './InstallButton';
import { useInstallState } from './useInstall';

export function InstallSettings() {
  const { t } = useTranslation('settings');
  const state = useInstallState();
  return (
    <section className="card" aria-labelledby="install-settings-title">
      <h2 id="install-settings-title">{t('install.title')}</h2>
      <p data-testid="install-state">{t(`install.${state}`)}</p>
      {state === 'prompt' && <InstallButton />}
      {state === 'apple' && <AppleSteps />}
    </section>
  );
}
