// The "Synchronisation" card of the settings: who is logged in, the last sync, every change still
// waiting (refused ones with the server's reason and "Réessayer"), and whether photos wait for a
// cheap network. Reads through live queries; writes through src/db/repositories/sync.ts.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { retryRejectedChange, setPhotosOnCheapNetworkOnly } from '../../../db/repositories/sync';
import type { OutboxEntry } from '../../../db/schema';
import { type BackgroundSyncMode, backgroundSyncMode } from '../../../sync/backgroundSync';
import {
  changedRecords,
  localDayTime,
  useDescribeSyncError,
  useOutbox,
  usePhotosOnCheapNetworkOnly,
  useSyncStatus,
} from '../../hooks/useSyncStatus';

const loadSync = () => import('../../../sync');
const SHOWN_PENDING_MAX = 20;

function dayAndTime(iso: string): string {
  const { day, time } = localDayTime(iso);
  return `${day} ${time}`;
}

function ChangeLabel({ row }: { row: OutboxEntry }) {
  const { t } = useTranslation('sync');
  return (
    <>
      {t(`tables.${row.table}`)}
      {row.op === 'delete' && ` · ${t('settings.deletion')}`} · {dayAndTime(row.createdAt)}
    </>
  );
}

const MODE_TEXT = {
  periodic: 'settings.modePeriodic',
  background: 'settings.modeBackground',
  'open-app': 'settings.modeOpenApp',
} as const;

/** Whether this device sends with the app closed (Background Sync) or only while it is open. */
function SyncModeLine() {
  const { t } = useTranslation('sync');
  const [mode, setMode] = useState<BackgroundSyncMode>('unknown');
  useEffect(() => {
    let current = true;
    void backgroundSyncMode().then((found) => current && setMode(found));
    return () => {
      current = false;
    };
  }, []);
  if (mode === 'unknown') return null;
  return (
    <p className="muted" data-testid="sync-mode">
      {t(MODE_TEXT[mode])}
    </p>
  );
}

export function SyncSettings() {
  const { t } = useTranslation('sync');
  const describeError = useDescribeSyncError();
  const { overview, lastError } = useSyncStatus();
  const outbox = useOutbox();
  const cheapOnly = usePhotosOnCheapNetworkOnly();
  const session = overview?.session;
  const rejected = outbox?.filter((row) => row.rejected) ?? [];
  // One line per changed record (its latest change), however many autosaves it took.
  const pending = changedRecords(outbox?.filter((row) => !row.rejected) ?? []);

  const retry = async (mutationId: string) => {
    await retryRejectedChange(mutationId);
    void loadSync().then((sync) => sync.syncNow());
  };

  return (
    <section className="card" aria-labelledby="sync-settings-title">
      <h2 id="sync-settings-title">{t('settings.title')}</h2>
      {session && !session.expired ? (
        <div className="button-row sync-account">
          <p>{t('account.loggedInAs', { name: session.user.name, email: session.user.email })}</p>
          <button type="button" onClick={() => void loadSync().then((sync) => sync.logOut())}>
            {t('account.logout')}
          </button>
        </div>
      ) : (
        <p>
          {session?.expired ? t('status.needsLogin') : t('account.notLoggedIn')}{' '}
          <Link href="/login">{t('account.goToLogin')}</Link>
        </p>
      )}
      <p className="muted">
        {t('settings.lastSync', {
          when: overview?.lastSyncAt ? dayAndTime(overview.lastSyncAt) : t('settings.never'),
        })}
      </p>
      <SyncModeLine />
      {lastError && <p className="warning">{describeError(lastError)}</p>}

      {rejected.length > 0 && (
        <>
          <h3>{t('settings.rejectedTitle')}</h3>
          <p className="muted">{t('settings.rejectedHint')}</p>
          <ul className="card-list" aria-label={t('settings.rejectedTitle')}>
            {rejected.map((row) => (
              <li key={row.mutationId} className="card rejected-change">
                <p>
                  <ChangeLabel row={row} />
                </p>
                <p className="field-error">{row.rejected && describeError(row.rejected)}</p>
                <button type="button" onClick={() => void retry(row.mutationId)}>
                  {t('settings.retry')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      <h3>{t('settings.pendingTitle')}</h3>
      {pending.length === 0 ? (
        <p className="empty">{t('settings.pendingNone')}</p>
      ) : (
        <ul className="pending-changes" aria-label={t('settings.pendingTitle')}>
          {pending.slice(0, SHOWN_PENDING_MAX).map((change) => (
            <li key={change.first.mutationId}>
              <ChangeLabel row={change.last} />
            </li>
          ))}
          {pending.length > SHOWN_PENDING_MAX && (
            <li className="muted">{t('settings.more', { count: pending.length - SHOWN_PENDING_MAX })}</li>
          )}
        </ul>
      )}

      <div className="field checkbox-field">
        <label>
          <input
            type="checkbox"
            checked={cheapOnly ?? false}
            disabled={cheapOnly === undefined}
            onChange={(event) => void setPhotosOnCheapNetworkOnly(event.target.checked)}
            aria-describedby="photos-cheap-hint"
          />{' '}
          {t('settings.photosCheapOnly')}
        </label>
        <p id="photos-cheap-hint" className="muted">
          {t('settings.photosCheapOnlyHint')}
        </p>
      </div>
    </section>
  );
}
