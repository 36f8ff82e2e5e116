import { useTranslation } from 'react-i18next';
import { useOnline } from '../hooks/useOnline';

/** The strip under the header: network state now, sync state once sync exists. */
export function StatusBar({ children }: { children?: React.ReactNode }) {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <div className={`status-bar ${online ? 'is-online' : 'is-offline'}`} role="status" aria-live="polite">
      <span className="status-dot" aria-hidden="true" />
      <span data-testid="network-state">{online ? t('status.online') : t('status.offline')}</span>
      {!online && <span className="status-hint">{t('status.offlineHint')}</span>}
      {children}
    </div>
  );
}
