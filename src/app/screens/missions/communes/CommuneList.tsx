import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useCommunes } from '../../../../db/repositories/communes';
import type { Commune } from '../../../../shared/model';
import { placeParts } from '../../../../shared/places';
import { Loading } from '../../../components/Loading';
import { formatDay, formatPosition } from '../../../format';

/** The itinerary: communes by planned date, undated ones last. */
export function CommuneList({ missionId }: { missionId: string }) {
  const { t } = useTranslation('communes');
  const communes = useCommunes(missionId);
  if (!communes) return <Loading />;
  // Each name said once: the commune of Mopti, in the cercle and région of Mopti, needs neither.
  const place = (c: Commune) => {
    const { cercle, region } = placeParts(c);
    if (cercle && region) return t('place', { cercle, region });
    if (region) return t('regionOnly', { region });
    return cercle ? t('cercleOnly', { cercle }) : '';
  };
  return (
    <>
      <div className="button-row">
        <Link href="/new" className="button primary">
          {t('add')}
        </Link>
      </div>
      {communes.length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : (
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
    </>
  );
}
