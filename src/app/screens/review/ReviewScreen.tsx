// /review, for coordinators and admins: every visit note of their missions on this device, newest
// first, filtered and searched, updated as sync brings new ones; conflicts waiting are above the
// list. The server decides for real (a member's validation is refused there too).
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { isReviewer, useReviewRows } from '../../../db/repositories/review';
import { Loading } from '../../components/Loading';
import { SectionBoundary } from '../../components/SectionBoundary';
import { useSession } from '../../hooks/useSyncStatus';
import { ConflictList } from './ConflictList';
import { ReviewFiltersForm } from './ReviewFiltersForm';
import { ReviewList } from './ReviewList';
import { filterRows, NO_FILTERS, type ReviewFilters } from './reviewFilters';

export function ReviewScreen() {
  const { t } = useTranslation('review');
  const session = useSession();
  const rows = useReviewRows();
  const [filters, setFilters] = useState<ReviewFilters>(NO_FILTERS);
  const deferred = useDeferredValue(filters);
  const shown = useMemo(() => (rows ? filterRows(rows, deferred) : []), [rows, deferred]);

  if (session === undefined) return <Loading />;
  if (!session || !isReviewer(session.user.role)) {
    return (
      <div className="page">
        <h1>{t('title')}</h1>
        <p className="warning">{t('forbidden')}</p>
        <Link href="/login">{t('login')}</Link>
      </div>
    );
  }
  const waiting = rows?.filter((row) => row.note.state === 'soumise').length ?? 0;
  return (
    <div className="page review-screen">
      <h1>{t('title')}</h1>
      {waiting > 0 && <p className="notice">{t('waiting', { count: waiting })}</p>}
      <SectionBoundary>
        <ConflictList />
      </SectionBoundary>
      <SectionBoundary>
        <ReviewFiltersForm rows={rows ?? []} filters={filters} onChange={setFilters} />
      </SectionBoundary>
      {rows === undefined ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p className="empty">{t('list.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{t('list.noMatch')}</p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t('list.count', { count: shown.length })}
          </p>
          <ReviewList rows={shown} />
        </>
      )}
    </div>
  );
}
