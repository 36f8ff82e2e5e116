// Sync as the screens see it: what the engine is doing now (the in-memory status store) joined
// with what the database says (pending changes and photos, last sync, session) through live
// queries, so the figures are right after a reload and update as soon as anything is written.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import {
  countPendingPhotos,
  listOutbox,
  readLastSyncAt,
  readPhotosOnCheapNetworkOnly,
  readSession,
} from '../../db/repositories/sync';
import type { OutboxEntry } from '../../db/schema';
import type { StoredSession } from '../../sync/ports';
import { type SyncStatusState, syncStatus } from '../../sync/status';
import { serverErrorText } from '../i18n/serverErrors';

export interface SyncOverview {
  pendingChanges: number;
  rejectedChanges: number;
  pendingPhotos: number;
  lastSyncAt: string | null;
  session: StoredSession | null;
}

export function useSyncStatus(): SyncStatusState & { overview: SyncOverview | undefined } {
  const state = useSyncExternalStore(syncStatus.subscribe, syncStatus.get, syncStatus.get);
  const overview = useLiveQuery(async (): Promise<SyncOverview> => {
    const rows = await listOutbox();
    const rejectedChanges = rows.filter((row) => row.rejected).length;
    return {
      // Records, not rows: a note typed for ten minutes is one change to the person who wrote it.
      pendingChanges: changedRecords(rows.filter((row) => !row.rejected)).length,
      rejectedChanges,
      pendingPhotos: await countPendingPhotos(),
      lastSyncAt: await readLastSyncAt(),
      session: await readSession(),
    };
  });
  return { ...state, overview };
}

/** Outbox rows grouped by record, in the order the records were first changed. */
export function changedRecords(rows: OutboxEntry[]): { first: OutboxEntry; last: OutboxEntry; rows: number }[] {
  const byRecord = new Map<string, { first: OutboxEntry; last: OutboxEntry; rows: number }>();
  for (const row of rows) {
    const key = `${row.table}/${row.recordId}`;
    const seen = byRecord.get(key);
    byRecord.set(key, seen ? { ...seen, last: row, rows: seen.rows + 1 } : { first: row, last: row, rows: 1 });
  }
  return [...byRecord.values()];
}

/** The stored session: undefined while loading, null when nobody is logged in on this device. */
export function useSession(): StoredSession | null | undefined {
  return useLiveQuery(readSession);
}

/** Every change still on its way to the server (refused ones included), oldest first. */
export function useOutbox(): OutboxEntry[] | undefined {
  return useLiveQuery(listOutbox);
}

export function usePhotosOnCheapNetworkOnly(): boolean | undefined {
  return useLiveQuery(readPhotosOnCheapNetworkOnly);
}

/** An instant as the device's local day and time: { day: "22/07/2024", time: "14:05", today }. */
export function localDayTime(iso: string, now = new Date()): { day: string; time: string; today: boolean } {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
  const today = date.toDateString() === now.toDateString();
  return { day, time: `${pad(date.getHours())}:${pad(date.getMinutes())}`, today };
}

/**
 * Words for a sync failure: the app's own for failures without a server message (no network),
 * otherwise the server's message translated by its code (src/app/i18n/serverErrors.ts).
 */
export function useDescribeSyncError(): (error: {
  code: string;
  message: string;
  values?: Record<string, string>;
}) => string {
  const { t, i18n } = useTranslation('sync');
  return useCallback(
    (error) => {
      const key = `errors.${error.code}`;
      return i18n.exists(key, { ns: 'sync' })
        ? t(key as 'errors.other-account-pending', { name: '', ...error.values })
        : serverErrorText(error.code, error.message);
    },
    [t, i18n],
  );
}
