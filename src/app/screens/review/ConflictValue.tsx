// One side of a conflict as people read it: a text as written, achievement lines with their
// amounts, vehicles, a GPS point, authors by name; never raw JSON unless nothing better is known.
// A value that does not fit its field (stored by an older server) is said to be unreadable and
// shown as plain text cut short, never left to break the screen.
import { useTranslation } from 'react-i18next';
import { useParticipants } from '../../../db/repositories/participants';
import { formatFcfa } from '../../../shared/money';
import { formatPosition } from '../../format';
import { classify, fitsField, type ShownConflictValue } from './conflictValues';

/** Stored codes of a few fields, and the catalogue key of the words people see for them. */
const CODE_LABELS: Record<string, string> = {
  'missions.status': 'missions:status',
  'visitNotes.state': 'visits:state',
  'actionPoints.status': 'actions:statuses',
  'participants.role': 'participants:roles',
};

interface Props {
  table: string;
  field: string;
  value: unknown;
  missionId: string;
}

export function ConflictValue({ table, field, value, missionId }: Props) {
  const { t } = useTranslation('review');
  const fits = fitsField(table, field, value);
  return (
    <>
      {!fits && <p className="warning">{t('conflicts.unreadable')}</p>}
      <ShownValue table={table} field={field} shown={classify(field, value)} fits={fits} missionId={missionId} />
    </>
  );
}

/** Text cut short says so, with the length of the whole. */
function CutText({ text, length, className }: { text: string; length: number; className: string }) {
  const { t } = useTranslation('review');
  return (
    <p className={className}>
      {text}
      {length > text.length && <span className="muted"> {t('conflicts.cut', { count: length })}</span>}
    </p>
  );
}

function ShownValue({
  table,
  field,
  shown,
  fits,
  missionId,
}: {
  table: string;
  field: string;
  shown: ShownConflictValue;
  fits: boolean;
  missionId: string;
}) {
  const { t } = useTranslation(['review', 'visits', 'missions', 'actions', 'participants']);
  const participants = useParticipants(missionId);
  switch (shown.kind) {
    case 'empty':
      return <p className="muted">{t('conflicts.empty')}</p>;
    case 'text': {
      // Only a code the field allows is looked up in the catalogue; anything else is shown as is.
      const labels = fits ? CODE_LABELS[`${table}.${field}`] : undefined;
      const text = labels
        ? t(`${labels}.${shown.text}` as 'conflicts.empty', { defaultValue: shown.text })
        : shown.text;
      return <CutText className="prose conflict-value" text={text} length={Math.max(shown.length, text.length)} />;
    }
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
            position: formatPosition(shown.point.lat, shown.point.lon),
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
      return <CutText className="prose conflict-value conflict-raw" text={shown.text} length={shown.length} />;
    case 'unwritable':
      return <p className="muted conflict-value">{t('conflicts.unwritable')}</p>;
  }
}
