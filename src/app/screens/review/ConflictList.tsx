// Conflicts waiting on the device, whatever record they are about (a note, a participant, a
// commune…), each settled in place; a note's conflict also links to the note. On the review screen
// all of them; on a mission's overview that mission's only, so members settle them too. A card
// that cannot be shown says so in its place: the other conflicts stay there to be settled.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { type OpenConflict, useOpenConflicts } from '../../../db/repositories/review';
import { SectionBoundary } from '../../components/SectionBoundary';
import { ConflictCard } from './ConflictCard';

function about({ conflict, recordLabel, missionTitle }: OpenConflict, t: (key: string, v: object) => string) {
  // The record kinds are named once, in the sync catalogue (the refused-changes list uses them too).
  const table = t(`tables.${conflict.table}`, { ns: 'sync', defaultValue: conflict.table });
  return recordLabel
    ? t('conflicts.about', { table, record: recordLabel, mission: missionTitle })
    : t('conflicts.aboutNoLabel', { table, mission: missionTitle });
}

export function ConflictList({ missionId }: { missionId?: string } = {}) {
  const { t } = useTranslation(['review', 'sync']);
  const all = useOpenConflicts();
  const [settled, setSettled] = useState(false);
  if (!all) return null;
  const open = missionId ? all.filter((item) => item.conflict.missionId === missionId) : all;
  if (missionId && open.length === 0 && !settled) return null;
  const status = settled && (
    <p role="status" className="notice">
      {t('conflicts.settled')}
    </p>
  );
  if (open.length === 0) {
    return (
      <>
        {status}
        <p className="muted">{t('conflicts.none')}</p>
      </>
    );
  }
  return (
    <section className="page" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">
        {t('conflicts.title')} <span className="badge">{t('conflicts.count', { count: open.length })}</span>
      </h2>
      {status}
      <ul className="plain-list" aria-label={t('conflicts.label')}>
        {open.map((item) => (
          <li key={item.conflict.id}>
            <SectionBoundary>
              <ConflictCard
                conflict={item.conflict}
                about={about(item, t as (key: string, v: object) => string)}
                onSettled={() => setSettled(true)}
              />
            </SectionBoundary>
            {item.noteId && (
              // From the root ('~'): on a mission's overview the router is nested under the mission.
              <Link href={`~/missions/${item.conflict.missionId}/visits/${item.noteId}`} className="conflict-link">
                {t('conflicts.openNote')}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
