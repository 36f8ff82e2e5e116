// At the very top of a note sent back for changes: what the coordinator asked, who, when, and what
// to do now. Before, it sat in the review panel at the bottom, some 4,000 px down on a phone.
import { useTranslation } from 'react-i18next';
import { useNoteReview } from '../../../db/repositories/review';
import type { VisitNote } from '../../../shared/model';
import { localDayTime } from '../../hooks/useSyncStatus';

/** Where the review panel's title is (NoteReviewPanel.tsx): the "Soumettre la note" step is there. */
const REVIEW_PANEL_ID = 'review-panel-title';

export function RevisionRequestBanner({ note }: { note: VisitNote }) {
  const { t } = useTranslation('visits');
  const review = useNoteReview(note.id);
  if (note.state !== 'a_revoir' || !review) return null;
  const request = review.history.findLast((step) => step.toState === 'a_revoir');
  const when = request ? localDayTime(request.createdAt) : null;
  const goToSubmit = () => {
    const target = document.getElementById(REVIEW_PANEL_ID);
    target?.scrollIntoView({ block: 'start' });
    target?.closest('section')?.querySelector<HTMLElement>('textarea, button')?.focus({ preventScroll: true });
  };
  return (
    <section className="revision-request" role="note" aria-labelledby="revision-request-title">
      <h3 id="revision-request-title">{t('toRevise.bannerTitle')}</h3>
      {request && when ? (
        <>
          <p>
            {t('toRevise.bannerBy', {
              name: request.authorName || t('toRevise.unknownAuthor'),
              day: when.day,
              time: when.time,
            })}
          </p>
          {typeof request.text === 'string' && request.text !== '' && (
            <blockquote className="revision-request-comment prose">{request.text}</blockquote>
          )}
        </>
      ) : (
        <p>{t('toRevise.noComment')}</p>
      )}
      <p className="revision-request-todo">{t('toRevise.bannerTodo')}</p>
      <button type="button" className="button" onClick={goToSubmit}>
        {t('toRevise.goToSubmit')}
      </button>
    </section>
  );
}
