// One side of a conflict as people read it: a text as written, achievement lines with their
// amounts, vehicles, a GPS point, authors by name; never raw JSON unless nothing better is known.
import { useTranslation } from 'react-i18next';
import { useParticipants } from '../../../db/repositories/participants';
import { formatFcfa } from '../../../shared/money';
import { classify } from './conflictValues';

export function ConflictValue({ field, value, missionId }: { field: string; value: unknown; missionId: string }) {
  const { t } = useTranslation(['review', 'visits']);
  const participants = useParticipants(missionId);
  const shown = classify(field, value);
  switch (shown.kind) {
    case 'empty':
      return <p className="muted">{t('conflicts.empty')}</p>;
    case 'text':
      return <p className="prose conflict-value">{shown.text}</p>;
    case 'yesNo':
      return <p className="conflict-value">{shown.value ? t('conflicts.yes') : t('conflicts.no')}</p>;
    case 'achievements':
      return (
        <ul className="conflict-value conflict-lines">
          {shown.lines.map((line) => (
            <li key={line.id}>
              <strong>{line.activity || t('conflicts.noActivity')}</strong>
              <br />
              {t('conflicts.achievementLine', {
                planned: formatFcfa(line.plannedFcfa),
                spent: formatFcfa(line.spentFcfa),
                state: t(`visits:achievements.states.${line.state}`),
              })}
            </li>
          ))}
        </ul>
      );
    case 'vehicles':
      return (
        <ul className="conflict-value conflict-lines">
          {shown.vehicles.map((vehicle) => (
            <li key={vehicle.id}>
              {t('conflicts.vehicleLine', { label: vehicle.label, driver: vehicle.driver, count: vehicle.seats })}
            </li>
          ))}
        </ul>
      );
    case 'gps':
      return (
        <p className="conflict-value">
          {t('conflicts.gpsPoint', {
            lat: shown.point.lat.toFixed(5),
            lon: shown.point.lon.toFixed(5),
            accuracy: Math.round(shown.point.accuracyM),
          })}
        </p>
      );
    case 'ids': {
      const names = new Map((participants ?? []).map((p) => [p.id, p.fullName]));
      return (
        <ul className="conflict-value conflict-lines">
          {shown.ids.map((id) => (
            <li key={id}>{names.get(id) ?? t('conflicts.unknownPerson')}</li>
          ))}
        </ul>
      );
    }
    case 'other':
      return <pre className="conflict-value">{shown.json}</pre>;
  }
}
