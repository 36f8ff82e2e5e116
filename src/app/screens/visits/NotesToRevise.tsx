// The first thing on a mission's visit list when notes came back for changes: which ones, who asked
// and what, each a link to its note. Above the new-visit form, so it is on the first screen of a phone.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useNotesToRevise } from '../../../db/repositories/notesToRevise';
import { localDayTime } from '../../hooks/useSyncStatus';
import { glimpse } from './searchNotes';

export function NotesToRevise({ missionId }: { missionId: string }) {
  const { t } = useTranslation('visits');
  const notes = useNotesToRevise(missionId);
  if (!notes || notes.length === 0) return null;
  return (
    <section className="notes-to-revise" aria-labelledby="notes-to-revise-title">
      <h2 id="notes-to-revise-title">
        {t('toRevise.title')}{' '}
        <span className="badge state-a_revoir">{t('toRevise.count', { count: notes.length })}</span>
      </h2>
      <p className="muted">{t('toRevise.hint')}</p>
      <ul className="plain-list" aria-label={t('toRevise.label')}>
        {notes.map((note) => {
          const when = note.requestedAt ? localDayTime(note.requestedAt) : null;
          return (
            <li key={note.noteId} className="note-to-revise">
              <Link href={`/${note.noteId}`}>{note.communeName || t('list.unknownCommune')}</Link>
              {when && (
                <p className="note-to-revise-by">
                  {t('toRevise.requested', {
                    name: note.requestedBy || t('toRevise.unknownAuthor'),
                    day: when.day,
                    time: when.time,
                  })}
                </p>
              )}
              {note.comment && <p className="note-to-revise-comment">« {glimpse(note.comment, 120)} »</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
