// One "Enregistré / Enregistrement…" indicator for a whole note: the form, each photo caption
// and the GPS point save on their own, and each reports its state (and why it failed) here.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveStatus } from './useDebouncedSave';

interface SourceStatus {
  status: SaveStatus;
  message: string | null;
}
type Report = (source: string, status: SourceStatus | null) => void;

const ReportContext = createContext<Report>(() => {});
const OverallContext = createContext<SourceStatus>({ status: 'saved', message: null });

export function SaveStatusProvider({ children }: { children: ReactNode }) {
  const [sources, setSources] = useState<Record<string, SourceStatus>>({});
  const report = useCallback<Report>((source, next) => {
    setSources((current) => {
      const before = current[source];
      if (next === null) {
        if (!before) return current;
        const { [source]: _gone, ...rest } = current;
        return rest;
      }
      if (before && before.status === next.status && before.message === next.message) return current;
      return { ...current, [source]: next };
    });
  }, []);
  const all = Object.values(sources);
  const overall = all.find((s) => s.status === 'failed') ??
    all.find((s) => s.status === 'saving') ?? { status: 'saved' as const, message: null };
  return (
    <ReportContext.Provider value={report}>
      <OverallContext.Provider value={overall}>{children}</OverallContext.Provider>
    </ReportContext.Provider>
  );
}

/** Reports a saver's status to the note's indicator while the component is shown. */
export function useReportSaveStatus(source: string, status: SaveStatus, message: string | null = null) {
  const report = useContext(ReportContext);
  useEffect(() => report(source, { status, message }), [report, source, status, message]);
  useEffect(() => () => report(source, null), [report, source]);
}

export function SaveStatusIndicator() {
  const { t } = useTranslation('visits');
  const { status, message } = useContext(OverallContext);
  const text =
    status === 'saving'
      ? t('autosave.saving')
      : status === 'failed'
        ? (message ?? t('autosave.failed'))
        : t('autosave.saved');
  return (
    <p className={`save-status is-${status}`} role="status" aria-live="polite" data-testid="save-status">
      {text}
    </p>
  );
}
