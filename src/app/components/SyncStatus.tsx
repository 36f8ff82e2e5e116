// Sync in the status bar: what is happening now, what waits, when it last worked, and the
// "Synchroniser" button. The sync engine itself is loaded on demand (dynamic import), once someone
// is logged in, so the first screen stays small and works without it.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { localDayTime, useDescribeSyncError, useSession, useSyncStatus } from '../hooks/useSyncStatus';
import { NavLink } from './NavLink';
import { syncActivity } from './shell/syncActivity';

const loadSync = () => import('../../sync');

export function SyncStatus() {
  const { t } = useTranslation('sync');
  const status = useSyncStatus();
  const { overview, phase, progress } = status;
  const session = overview?.session;
  const loggedIn = Boolean(session && !session.expired);
  const describeError = useDescribeSyncError();
  const errorText = status.lastError && describeError(status.lastError);

  useEffect(() => {
    if (loggedIn) void loadSync().then((sync) => sync.startSync());
  }, [loggedIn]);

  if (!overview) return null;
  if (!session) {
    return <Link href="/login">{t('status.notLoggedIn')}</Link>;
  }
  if (session.expired || status.needsLogin) {
    return (
      <Link href="/login" className="sync-alert">
        {t('status.needsLogin')}
      </Link>
    );
  }

  const running = syncActivity(phase, progress);
  const activity = running && t(running.key, running.values);

  const waiting = [
    overview.pendingChanges > 0 && t('status.pendingChanges', { count: overview.pendingChanges }),
    overview.pendingPhotos > 0 && t('status.pendingPhotos', { count: overview.pendingPhotos }),
    status.photosDeferred && overview.pendingPhotos > 0 && t('status.photosDeferred'),
  ].filter(Boolean);
  const last = overview.lastSyncAt ? localDayTime(overview.lastSyncAt) : null;

  return (
    <span className="sync-status" data-testid="sync-status">
      {activity ? (
        <span data-testid="sync-activity">{activity}</span>
      ) : (
        <>
          {errorText && <span className="sync-alert">{errorText}</span>}
          {overview.rejectedChanges > 0 && (
            <Link href="/settings" className="sync-alert">
              {t('status.rejected', { count: overview.rejectedChanges })}
            </Link>
          )}
          {(waiting.length > 0 || overview.rejectedChanges === 0) && (
            <span data-testid="sync-pending">{waiting.length > 0 ? waiting.join(' · ') : t('status.upToDate')}</span>
          )}
          <span className="muted">
            {last
              ? last.today
                ? t('status.lastSyncToday', { time: last.time })
                : t('status.lastSyncOn', { day: last.day, time: last.time })
              : t('status.neverSynced')}
          </span>
        </>
      )}
      <button
        type="button"
        className="sync-button"
        disabled={phase !== 'idle'}
        onClick={() => void loadSync().then((s) => s.syncNow())}
      >
        {t('status.syncNow')}
      </button>
    </span>
  );
}

/** The account links of the main menu: "Compte" or "Connexion", and "Administration" for admins. */
export function SyncNavLinks() {
  const { t } = useTranslation('sync');
  const session = useSession();
  if (session === undefined) return null;
  return (
    <>
      <NavLink to="/login">{session ? t('nav.account') : t('nav.login')}</NavLink>
      {session?.user.role === 'admin' && <NavLink to="/admin">{t('nav.admin')}</NavLink>}
    </>
  );
}
