import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { setActionStatus } from '../../../../db/repositories/actionPoints';
import { ACTION_STATUSES, type ActionPoint, type ActionStatus } from '../../../../shared/model';
import { formatDay } from '../../../format';
import { CodeOptions } from '../form/CodeOptions';

/** Today as YYYY-MM-DD in the device's time zone, to tell overdue points. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** One action point with its status, changed in place. `href` opens it for editing. */
export function ActionPointCard({
  point,
  href,
  missionTitle,
}: {
  point: ActionPoint;
  href: string;
  missionTitle?: string;
}) {
  const { t } = useTranslation('actions');
  const overdue = point.status !== 'fait' && point.dueDate !== '' && point.dueDate < today();
  const statusId = `action-status-${point.id}`;
  return (
    <li className={`card action-card${point.status === 'fait' ? ' is-done' : ''}`}>
      <p className="muted">
        {t('number', { number: String(point.number).padStart(2, '0') })} ·{' '}
        {point.dueDate ? t('due', { date: formatDay(point.dueDate) }) : t('noDueDate')}
        {overdue && <strong className="error"> · {t('overdue')}</strong>}
      </p>
      {missionTitle && <p className="muted">{t('mission', { title: missionTitle })}</p>}
      <Link href={href}>
        <strong>{point.point}</strong>
      </Link>
      {point.action && <p className="prose">{point.action}</p>}
      {point.responsible && <p className="muted">{t('responsible', { name: point.responsible })}</p>}
      {point.comments && <p className="prose muted">{point.comments}</p>}
      <div className="inline-field">
        <label htmlFor={statusId}>{t('statusOf', { number: point.number })}</label>
        <select
          id={statusId}
          value={point.status}
          onChange={(event) => void setActionStatus(point.id, event.target.value as ActionStatus)}
        >
          <CodeOptions codes={ACTION_STATUSES} label={(status) => t(`statuses.${status}`)} />
        </select>
      </div>
    </li>
  );
}
