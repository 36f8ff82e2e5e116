// A mission's visit notes with a search box. The list is virtualised against the page scroll, so
// thousands of notes cost the phone only the few rows on screen.
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useVisitNoteRows } from '../../../db/repositories/visitNotes';
import { Loading } from '../../components/Loading';
import { formatDay } from '../../format';
import { NewVisitForm } from './NewVisitForm';
import { NoteStateBadge } from './NoteStateBar';
import { NotesToRevise } from './NotesToRevise';
import { glimpse, searchNotes } from './searchNotes';

const ROW_ESTIMATE_PX = 84;

export function VisitList({ missionId }: { missionId: string }) {
  const { t } = useTranslation(['visits', 'common']);
  const loaded = useVisitNoteRows(missionId);
  const rows = loaded?.rows;
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const shown = useMemo(() => (rows ? searchNotes(rows, deferredQuery) : []), [rows, deferredQuery]);

  const listRef = useRef<HTMLOListElement>(null);
  const [listTop, setListTop] = useState(0);
  useLayoutEffect(() => {
    if (listRef.current) setListTop(listRef.current.getBoundingClientRect().top + window.scrollY);
  });
  const virtualizer = useWindowVirtualizer({
    count: shown.length,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 6,
    scrollMargin: listTop,
  });

  return (
    <div className="page">
      <NotesToRevise missionId={missionId} />
      <NewVisitForm missionId={missionId} />
      <div className="field">
        <label htmlFor="visit-search">{t('list.search')}</label>
        <input
          id="visit-search"
          type="search"
          value={query}
          placeholder={t('list.searchPlaceholder')}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {rows === undefined ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p className="empty">{t('list.empty')}</p>
      ) : shown.length === 0 && !loaded?.complete ? (
        <Loading />
      ) : shown.length === 0 ? (
        <p className="empty">{t('list.noMatch', { query: deferredQuery })}</p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {loaded?.complete ? t('list.count', { count: shown.length }) : t('loading', { ns: 'common' })}
          </p>
          <ol
            ref={listRef}
            className="virtual-list"
            aria-label={t('list.label')}
            style={{ height: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const { note, communeName } = shown[item.index];
              return (
                <li
                  key={note.id}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  aria-posinset={item.index + 1}
                  aria-setsize={shown.length}
                  className="visit-row"
                  style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
                >
                  <div className="card visit-card">
                    <div className="visit-row-head">
                      <Link href={`/${note.id}`}>{communeName || t('list.unknownCommune')}</Link>
                      <NoteStateBadge state={note.state} />
                    </div>
                    <p className="muted">
                      {formatDay(note.visitDate)}
                      {' · '}
                      {glimpse(note.observations, 140) || t('list.noObservations')}
                    </p>
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </div>
  );
}
