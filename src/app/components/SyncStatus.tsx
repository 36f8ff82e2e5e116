// Sync as the header shows it: one line (what matters most right now) and, on tap, the details
// (what is happening, what waits, when it last worked, the "Synchroniser" button). The sync engine
// itself is loaded on demand (dynamic import), once someone is logged in, so the first screen stays
// small and works without it.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { localDayTime, useDescribeSyncError, useSession, useSyncStatus } from '../hooks/useSyncStatus';
import { NavLink } from './NavLink';
import { NavIcon } from './shell/NavIcon';
import { syncActivity } from './shell/syncActivity';

const loadSync = () => import('../../sync');

export type SyncLineTone = 'ok' | 'busy' | 'waiting' | 'alert';

/**
 * The one-line summary: a running sync first, then what needs the person (a refused change, a
 * failure while online), then what waits, then when the device last synced. Offline, the line
 * starts with "Hors ligne". `loginNeeded` asks for the login link instead of the details.
 */
export function useSyncLine(online: boolean): { text: string; tone: SyncLineTone; loginNeeded: boolean } | null {
  const { t } = useTranslation(['sync', 'common']);
  const status = useSyncStatus();
  const describeError = useDescribeSyncError();
  const { overview } = status;
  if (!overview) return null;
  const session = overview.session;
  const offlinePrefix = (rest: string) => (online ? rest : `${t('common:status.offline')} · ${rest}`);
  if (session && (session.expired || status.needsLogin)) {
    return { text: t('status.needsLogin'), tone: 'alert', loginNeeded: true };
  }
  const activity = syncActivity(status.phase, status.progress);
  if (activity) return { text: t(activity.key, activity.values), tone: 'busy', loginNeeded: false };
  if (!session) return { text: offlinePrefix(t('line.notLoggedIn')), tone: 'waiting', loginNeeded: false };
  if (overview.rejectedChanges > 0) {
    return {
      text: offlinePrefix(t('line.rejected', { count: overview.rejectedChanges })),
      tone: 'alert',
      loginNeeded: false,
    };
  }
  // Offline, a failed attempt is expected and says nothing new: "Hors ligne" already does.
  if (online && status.lastError) return { text: describeError(status.lastError), tone: 'alert', loginNeeded: false };
  const waiting = overview.pendingChanges + overview.pendingPhotos;
  if (waiting > 0)
    return { text: offlinePrefix(t('line.pending', { count: waiting })), tone: 'waiting', loginNeeded: false };
  const last = overview.lastSyncAt ? localDayTime(overview.lastSyncAt) : null;
  const synced = last
    ? last.today
      ? t('status.lastSyncToday', { time: last.time })
      : t('status.lastSyncOn', { day: last.day, time: last.time })
    : t('status.neverSynced');
  return { text: offlinePrefix(synced), tone: online ? 'ok' : 'waiting', loginNeeded: false };
}

/** The details under the line: activity and photo progress, failures, what waits, last sync, the button. */
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
  // The line above is then the login link itself.
  if (session.expired || status.needsLogin) return null;

  const activity = syncActivity(phase, progress);
  const waiting = [
    overview.pendingChanges > 0 && t('status.pendingChanges', { count: overview.pendingChanges }),
    overview.pendingPhotos > 0 && t('status.pendingPhotos', { count: overview.pendingPhotos }),
    status.photosDeferred && overview.pendingPhotos > 0 && t('status.photosDeferred'),
  ].filter(Boolean);
  const last = overview.lastSyncAt ? localDayTime(overview.lastSyncAt) : null;

  return (
    <div className="sync-status" data-testid="sync-status">
      {activity ? (
        <p data-testid="sync-activity">
          {t(activity.key, activity.values)}
          {phase === 'uploading-photos' && progress.photoBytesTotal > 0 && (
            <progress
              className="sync-progress"
              max={progress.photoBytesTotal}
              value={progress.photoBytesSent}
              aria-label={t(activity.key, activity.values)}
            />
          )}
        </p>
      ) : (
        <>
          {errorText && <p className="sync-alert">{errorText}</p>}
          {overview.rejectedChanges > 0 && (
            <Link href="/settings" className="sync-alert">
              {t('status.rejected', { count: overview.rejectedChanges })}
            </Link>
          )}
          {(waiting.length > 0 || overview.rejectedChanges === 0) && (
            <p data-testid="sync-pending">{waiting.length > 0 ? waiting.join(' · ') : t('status.upToDate')}</p>
          )}
          <p className="muted">
            {last
              ? last.today
                ? t('status.lastSyncToday', { time: last.time })
                : t('status.lastSyncOn', { day: last.day, time: last.time })
              : t('status.neverSynced')}
          </p>
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
    </div>
  );
}

/** The account links of the main menu: "Compte" or "Connexion", and "Administration" for admins and coordinators. */
export function SyncNavLinks() {
  const { t } = useTranslation('sync');
  const session = useSession();
  if (session === undefined) return null;
  return (
    <>
      <NavLink to="/login" className="nav-item">
        <NavIcon name="account" />
        <span className="nav-label">{session ? t('nav.account') : t('nav.login')}</span>
      </NavLink>
      {(session?.user.role === 'admin' || session?.user.role === 'coordinator') && (
        <NavLink to="/admin" className="nav-item">
          <NavIcon name="admin" />
          <span className="nav-label">{t('nav.admin')}</span>
        </NavLink>
      )}
    </>
  );
}
