// Device-only settings that shape what is stored (db.settings, never synced: they belong to this
// phone), the storage checks that protect saved work (usage against quota, quota errors), and the
// draft journal: what is being typed, copied synchronously to localStorage on every change, because
// an IndexedDB write started as the page dies (reload, crash, tab closed) may never commit.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { PHOTO_MAX_LONG_SIDE_PX, STORAGE_WARN_RATIO } from '../../shared/constants';
import { db } from '../schema';
import { readStorageReport, type StorageReport } from '../storage';

// Defined once with the database's other named failures; exported here too for the sync engine.
export { isQuotaError } from '../errors';

const PHOTO_SIZE_KEY = 'photoMaxLongSidePx';

/** The long sides a member can choose: smaller photos sync faster over 2G and fill less space. */
export const PHOTO_SIZE_CHOICES_PX = [1024, 1280, 1600, 2048] as const;

function validPhotoSize(value: unknown): number {
  return PHOTO_SIZE_CHOICES_PX.includes(value as (typeof PHOTO_SIZE_CHOICES_PX)[number])
    ? (value as number)
    : PHOTO_MAX_LONG_SIDE_PX;
}

/** The long side photos are resized to on this device (default PHOTO_MAX_LONG_SIDE_PX). */
export function usePhotoMaxLongSide(): number | undefined {
  return useLiveQuery(async () => validPhotoSize((await db.settings.get(PHOTO_SIZE_KEY))?.value));
}

export async function setPhotoMaxLongSide(px: number): Promise<void> {
  await db.settings.put({ key: PHOTO_SIZE_KEY, value: validPhotoSize(px) });
}

/** Used / available, or null when the browser does not tell. */
export function usageRatio(report: StorageReport | null): number | null {
  if (!report || report.usageBytes == null || !report.quotaBytes) return null;
  return report.usageBytes / report.quotaBytes;
}

export function isNearlyFull(report: StorageReport | null): boolean {
  return (usageRatio(report) ?? 0) >= STORAGE_WARN_RATIO;
}

/** The storage report, read on mount and again whenever `refresh` is called (after saving photos). */
export function useStorageReport(): { report: StorageReport | null; refresh: () => void } {
  const [report, setReport] = useState<StorageReport | null>(null);
  const refresh = useCallback(() => {
    void readStorageReport().then(setReport);
  }, []);
  useEffect(refresh, [refresh]);
  return { report, refresh };
}

const JOURNAL_PREFIX = 'terrain.draft.';

/** Remembers unsaved input under `key` at once (synchronous); null forgets it. Never throws. */
export function writeDraftJournal(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(JOURNAL_PREFIX + key);
    else localStorage.setItem(JOURNAL_PREFIX + key, JSON.stringify(value));
  } catch {
    // Private mode or full storage: the IndexedDB autosave still runs, only this safety net is gone.
  }
}

/** The input remembered under `key` whose save to IndexedDB never finished, if any. */
export function readDraftJournal<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(JOURNAL_PREFIX + key);
    return raw === null ? null : (JSON.parse(raw) as T);
  } catch {
    return null;
  }
}
