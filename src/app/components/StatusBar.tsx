// The status in the header: one line (network and sync, e.g. "Hors ligne · 3 en attente") that
// opens the details under the header on tap. One line on purpose: on a 640 px phone every line of
// chrome pushes the form the person came for further down.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useOnline } from '../hooks/useOnline';
import { SyncStatus, useSyncLine } from './SyncStatus';

export const STATUS_DETAILS_ID = 'status-details';

export function StatusLine({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const online = useOnline();
  const line = useSyncLine(online);
  const text = line?.text ?? (online ? t('status.online') : t('status.offline'));
  const tone = line?.tone ?? (online ? 'ok' : 'waiting');
  return (
    <div className={`status-line tone-${tone} ${online ? 'is-online' : 'is-offline'}`} role="status">
      {line?.loginNeeded ? (
        // The only useful step is to log in again: the line is that link.
        <Link href="/login" className="status-summary sync-alert">
          <span className="status-dot" aria-hidden="true" />
          <span className="status-text">{text}</span>
        </Link>
      ) : (
        <button
          type="button"
          className="status-summary"
          aria-expanded={open}
          aria-controls={STATUS_DETAILS_ID}
          title={text}
          onClick={onToggle}
        >
          <span className="status-dot" aria-hidden="true" />
          <span className="status-text">{text}</span>
          <span className="status-chevron" aria-hidden="true" />
        </button>
      )}
    </div>
  );
}

/** Under the header, shown on tap: the network in words, then sync's details and its button. */
export function StatusDetails({ open }: { open: boolean }) {
  const { t } = useTranslation(['common', 'sync']);
  const online = useOnline();
  return (
    <section
      id={STATUS_DETAILS_ID}
      className={`status-details ${online ? 'is-online' : 'is-offline'}`}
      aria-label={t('sync:line.details')}
      hidden={!open}
    >
      <p className="status-network">
        <span data-testid="network-state">{online ? t('status.online') : t('status.offline')}</span>
        {!online && <span className="status-hint"> — {t('status.offlineHint')}</span>}
      </p>
      <SyncStatus />
    </section>
  );
}
