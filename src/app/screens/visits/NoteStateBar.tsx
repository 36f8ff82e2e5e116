// The note's review state and its save indicator, and, for someone who may submit it, the way to
// the review panel at the foot of the note (on a phone this bar stays above the bottom menu, so
// "Soumettre" or, for a coordinator, "Valider" is within the thumb's reach from anywhere in a long note). Submitting and reviewing
// are in the review panel (src/app/screens/review/NoteReviewPanel.tsx).
import { useTranslation } from 'react-i18next';
import { availableActions } from '../../../db/repositories/review';
import type { VisitNote } from '../../../shared/model';
import { useSession } from '../../hooks/useSyncStatus';
import { SaveStatusIndicator } from './saveStatus';

export function NoteStateBadge({ state }: { state: VisitNote['state'] }) {
  const { t } = useTranslation('visits');
  return <span className={`badge state-${state}`}>{t(`state.${state}`)}</span>;
}

export function NoteStateBar({ note }: { note: VisitNote }) {
  const { t } = useTranslation('visits');
  const session = useSession();
  const actions = availableActions(note.state, session?.user.role);
  // The panel's main step for this person: submit (authors), validate or send back (coordinators).
  const jump = actions.includes('submit') ? 'note.toSubmit' : actions.includes('validate') ? 'note.toReview' : null;
  return (
    <div className="note-bar">
      <NoteStateBadge state={note.state} />
      <SaveStatusIndicator />
      {jump && (
        <a href="#review-panel-title" className="button primary note-bar-submit">
          {t(jump)}
        </a>
      )}
    </div>
  );
}
