// The review part of a visit note, for its authors and the coordinators alike: changes the server
// refused, the note's conflicts side by side, the steps the person may take now, and the history of
// every step. What the coordinator asked is at the top of the note (visits/RevisionRequestBanner.tsx).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNoteReview } from '../../../db/repositories/review';
import type { VisitNote } from '../../../shared/model';
import { SectionBoundary } from '../../components/SectionBoundary';
import { useSession } from '../../hooks/useSyncStatus';
import { serverErrorText } from '../../i18n/serverErrors';
import { ConflictCard } from './ConflictCard';
import { ReviewActions } from './ReviewActions';
import { ReviewHistory } from './ReviewHistory';

export function NoteReviewPanel({ note }: { note: VisitNote }) {
  const { t } = useTranslation('review');
  const review = useNoteReview(note.id);
  const session = useSession();
  const [settled, setSettled] = useState(false);
  if (!review || session === undefined) return null;

  return (
    <section className="card review-panel" aria-labelledby="review-panel-title">
      <h3 id="review-panel-title">{t('panel.title')}</h3>
      {review.refused.map((refusal, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: refusals have no id of their own; the list is tiny
        <p key={i} className="field-error" role="alert">
          {t('panel.refused', { message: serverErrorText(refusal.code, refusal.message) })}
        </p>
      ))}
      {settled && review.conflicts.length === 0 && (
        <p role="status" className="notice">
          {t('conflicts.settled')}
        </p>
      )}
      {review.conflicts.map((conflict) => (
        <SectionBoundary key={conflict.id}>
          <ConflictCard conflict={conflict} onSettled={() => setSettled(true)} />
        </SectionBoundary>
      ))}
      <ReviewActions note={note} role={session?.user.role} />
      <SectionBoundary>
        <ReviewHistory history={review.history} />
      </SectionBoundary>
    </section>
  );
}
