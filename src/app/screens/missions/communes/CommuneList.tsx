import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useCommunes } from '../../../../db/repositories/communes';
import type { Commune } from '../../../../shared/model';
import { placeParts } from '../../../../shared/places';
import { formatDay, formatPosition } from '../../../format';
import { RecordList } from '../records/RecordList';

/** The itinerary: communes by planned date, undated ones last. */
export function CommuneList({ missionId }: { missionId: string }) {
  const { t } = useTranslation('communes');
  // Each name said once: the commune of Mopti, in the cercle and région of Mopti, needs neither.
  const place = (c: Commune) => {
    const { cercle, region } = placeParts(c);
    if (cercle && region) return t('place', { cercle, region });
    if (region) return t('regionOnly', { region });
    return cercle ? t('cercleOnly', { cercle }) : '';
  };
  return (
    <RecordList records={useCommunes(missionId)} addLabel={t('add')} emptyText={t('empty')}>
      {(communes) => (
        <ol className="card-list" aria-label={t('itinerary')}>
          {communes.map((commune) => (
            <li key={commune.id} className="card">
              <p className="muted">{commune.plannedDate ? formatDay(commune.plannedDate) : t('undated')}</p>
              <Link href={`/${commune.id}`}>
                <strong>{commune.name}</strong>
              </Link>
              {place(commune) && <p className="muted">{place(commune)}</p>}
              {commune.lat !== null && commune.lon !== null && (
                <p className="muted">{t('position', { position: formatPosition(commune.lat, commune.lon) })}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </RecordList>
  );
}
