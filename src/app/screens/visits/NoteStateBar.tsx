// The note's review state and its save indicator. Submitting and reviewing are in the review panel
// (src/app/screens/review/NoteReviewPanel.tsx).
import { useTranslation } from 'react-i18next';
import type { VisitNote } from '../../../shared/model';
import { SaveStatusIndicator } from './saveStatus';

export function NoteStateBadge({ state }: { state: VisitNote['state'] }) {
  const { t } = useTranslation('visits');
  return <span className={`badge state-${state}`}>{t(`state.${state}`)}</span>;
}

export function NoteStateBar({ note }: { note: VisitNote }) {
  return (
    <div className="note-bar">
      <NoteStateBadge state={note.state} />
      <SaveStatusIndicator />
    </div>
  );
}
