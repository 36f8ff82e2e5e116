// One visit note, as a member fills it in on a phone: text, achievements, GPS point, photos. Each
// part stands alone: a part that cannot show what the note holds (a value an older server let in)
// says so, and the other parts, the review panel above all, keep working.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useCommunes } from '../../../db/repositories/communes';
import { useParticipants } from '../../../db/repositories/participants';
import { isReadOnly, useVisitNote } from '../../../db/repositories/visitNotes';
import { Loading } from '../../components/Loading';
import { SectionBoundary } from '../../components/SectionBoundary';
import { NoteReviewPanel } from '../review/NoteReviewPanel';
import { GpsSection } from './GpsSection';
import { NoteStateBar } from './NoteStateBar';
import { PhotoSection } from './PhotoSection';
import { RevisionRequestBanner } from './RevisionRequestBanner';
import { SaveStatusProvider } from './saveStatus';
import { VisitNoteForm } from './VisitNoteForm';

export function VisitNoteScreen({ missionId, noteId }: { missionId: string; noteId: string }) {
  const { t } = useTranslation('visits');
  const note = useVisitNote(noteId);
  const communes = useCommunes(missionId);
  const participants = useParticipants(missionId);
  if (note === undefined || communes === undefined || participants === undefined) return <Loading />;
  const back = (
    <Link href="/" className="back-link">
      ← {t('note.back')}
    </Link>
  );
  if (note === null || note.missionId !== missionId) {
    return (
      <div className="page">
        {back}
        <p className="empty">{t('note.notFound')}</p>
      </div>
    );
  }
  const commune = communes.find((c) => c.id === note.communeId)?.name ?? t('list.unknownCommune');
  const readOnly = isReadOnly(note);
  return (
    <SaveStatusProvider>
      <article className="page visit-note" aria-labelledby="visit-title">
        {back}
        <h2 id="visit-title">{t('note.title', { commune })}</h2>
        <NoteStateBar note={note} />
        <RevisionRequestBanner note={note} />
        {readOnly && <p className="warning">{t('note.readOnly')}</p>}
        <SectionBoundary>
          <VisitNoteForm key={note.id} note={note} participants={participants} readOnly={readOnly} />
        </SectionBoundary>
        <SectionBoundary>
          <GpsSection note={note} readOnly={readOnly} />
        </SectionBoundary>
        <SectionBoundary>
          <PhotoSection note={note} readOnly={readOnly} />
        </SectionBoundary>
        <SectionBoundary>
          <NoteReviewPanel note={note} />
        </SectionBoundary>
      </article>
    </SaveStatusProvider>
  );
}
