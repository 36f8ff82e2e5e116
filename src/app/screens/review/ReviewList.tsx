// The notes as they arrive, newest first, virtualised against the page scroll like the visits list
// (a coordinator may hold thousands): only the rows on screen are in the page.
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ReviewRow } from '../../../db/repositories/review';
import { SectionBoundary } from '../../components/SectionBoundary';
import { formatDay } from '../../format';
import { NoteStateBadge } from '../visits/NoteStateBar';
import { glimpse } from '../visits/searchNotes';
import { PhotoStrip } from './PhotoViewer';

const ROW_ESTIMATE_PX = 150;

function RowCard({ row }: { row: ReviewRow }) {
  const { t } = useTranslation('review');
  const { note } = row;
  const commune = row.communeName || t('list.unknownCommune');
  return (
    <div className="card review-card">
      <div className="visit-row-head">
        <Link href={`/missions/${note.missionId}/visits/${note.id}`}>{commune}</Link>
        <NoteStateBadge state={note.state} />
      </div>
      <p className="muted review-card-line">
        {row.missionTitle}
        {note.visitDate && ` · ${t('list.visitedOn', { date: formatDay(note.visitDate) })}`}
      </p>
      {row.authorNames.length > 0 && (
        <p className="muted review-card-line">{t('list.by', { names: row.authorNames.join(', ') })}</p>
      )}
      <p className="review-card-line">{glimpse(note.observations, 160) || t('list.noObservations')}</p>
      <PhotoStrip noteId={note.id} commune={commune} />
    </div>
  );
}

export function ReviewList({ rows }: { rows: ReviewRow[] }) {
  const { t } = useTranslation('review');
  const listRef = useRef<HTMLOListElement>(null);
  const [listTop, setListTop] = useState(0);
  useLayoutEffect(() => {
    if (listRef.current) setListTop(listRef.current.getBoundingClientRect().top + window.scrollY);
  });
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 4,
    scrollMargin: listTop,
    getItemKey: (index) => rows[index].note.id,
  });
  return (
    <ol
      ref={listRef}
      className="virtual-list"
      aria-label={t('list.label')}
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((item) => (
        <li
          key={item.key}
          ref={virtualizer.measureElement}
          data-index={item.index}
          aria-posinset={item.index + 1}
          aria-setsize={rows.length}
          style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
        >
          <SectionBoundary>
            <RowCard row={rows[item.index]} />
          </SectionBoundary>
        </li>
      ))}
    </ol>
  );
}
