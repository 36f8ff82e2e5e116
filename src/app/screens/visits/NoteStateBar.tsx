// The note's review state, its save indicator, and the submit action: a note is the author's draft
// until submitted; coordinators may send it back (à revoir); once validated it is read-only.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canSubmit, submitVisitNote } from '../../../db/repositories/visitNotes';
import type { VisitNote } from '../../../shared/model';
import { saveErrorMessage } from './saveErrors';
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

export function SubmitNote({ note }: { note: VisitNote }) {
  const { t } = useTranslation(['visits', 'common']);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!canSubmit(note)) {
    return message?.ok ? <p role="status">{message.text}</p> : null;
  }
  return (
    <div className="card">
      {note.state === 'brouillon' && <p className="muted">{t('note.draftHint')}</p>}
      <button
        type="button"
        className="button primary"
        onClick={async () => {
          if (!window.confirm(t('note.submitConfirm'))) return;
          try {
            await submitVisitNote(note.id);
            setMessage({ ok: true, text: t('note.submitted') });
          } catch (error) {
            setMessage({ ok: false, text: saveErrorMessage(error, t) });
          }
        }}
      >
        {t('note.submit')}
      </button>
      {message && !message.ok && (
        <p className="field-error" role="alert">
          {message.text}
        </p>
      )}
    </div>
  );
}
