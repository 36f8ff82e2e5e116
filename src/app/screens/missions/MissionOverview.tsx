import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import {
  type MissionSummary,
  missionToDraft,
  updateMission,
  useMission,
  useMissionSummary,
} from '../../../db/repositories/missions';
import type { Mission, Vehicle } from '../../../shared/model';
import { Loading } from '../../components/Loading';
import { SectionBoundary } from '../../components/SectionBoundary';
import { formatDay } from '../../format';
import { MissionMapCard } from '../report/MissionMapCard';
import { ConflictList } from '../review/ConflictList';
import type { MissionTabProps } from './missionTabs';
import { MissionForm } from './overview/MissionForm';

/**
 * The mission's details, logistics and how far its preparation is; edited in place. Each part stands
 * alone: one that cannot show a record's values says so, and the others keep working.
 */
export function MissionOverview({ missionId }: MissionTabProps) {
  const { t } = useTranslation(['missions', 'common']);
  const mission = useMission(missionId);
  const summary = useMissionSummary(missionId);
  const [editing, setEditing] = useState(false);
  if (!mission || !summary) return <Loading />;

  if (editing)
    return (
      <section aria-labelledby="mission-edit-title">
        <h2 id="mission-edit-title">{t('form.editTitle')}</h2>
        <MissionForm
          initial={missionToDraft(mission)}
          submitLabel={t('actions.save', { ns: 'common' })}
          onSave={async (draft) => {
            await updateMission(mission.id, draft);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      </section>
    );

  return (
    <>
      <SectionBoundary>
        <ConflictList missionId={missionId} />
      </SectionBoundary>
      <SectionBoundary>
        <MissionDetails mission={mission} onEdit={() => setEditing(true)} />
      </SectionBoundary>
      <SectionBoundary>
        <Logistics vehicles={mission.vehicles} participants={summary.participants} />
      </SectionBoundary>
      <SectionBoundary>
        <Preparation summary={summary} />
      </SectionBoundary>
      <SectionBoundary>
        <MissionMapCard missionId={missionId} />
      </SectionBoundary>
    </>
  );
}

function MissionDetails({ mission, onEdit }: { mission: Mission; onEdit: () => void }) {
  const { t } = useTranslation(['missions', 'common']);
  return (
    <section className="card">
      <dl className="details">
        <dt>{t('overview.dates')}</dt>
        <dd>
          {formatDay(mission.startDate)} – {formatDay(mission.endDate)}
        </dd>
        <dt>{t('overview.project')}</dt>
        <dd>{mission.project || <span className="muted">{t('overview.noProject')}</span>}</dd>
        <dt>{t('overview.status')}</dt>
        <dd>{t(`status.${mission.status}`)}</dd>
      </dl>
      <button type="button" className="button" onClick={onEdit}>
        {t('form.editTitle')}
      </button>
    </section>
  );
}

function Logistics({ vehicles, participants }: { vehicles: Vehicle[]; participants: number }) {
  const { t } = useTranslation('missions');
  const seats = vehicles.reduce((sum, v) => sum + v.seats, 0);
  return (
    <section className="card" aria-labelledby="logistics-title">
      <h2 id="logistics-title">{t('overview.logistics')}</h2>
      {vehicles.length === 0 ? (
        <p className="empty">{t('overview.noVehicles')}</p>
      ) : (
        <>
          <ul className="plain-list">
            {vehicles.map((vehicle) => (
              <li key={vehicle.id}>
                <strong>{vehicle.label}</strong> · {t('overview.seats', { count: vehicle.seats })}
                <br />
                <span className="muted">
                  {vehicle.driver ? t('overview.driver', { name: vehicle.driver }) : t('overview.noDriver')}
                </span>
              </li>
            ))}
          </ul>
          <p className="muted">{t('overview.totalSeats', { seats, people: participants })}</p>
        </>
      )}
    </section>
  );
}

function Preparation({ summary }: { summary: MissionSummary }) {
  const { t } = useTranslation('missions');
  return (
    <section className="card" aria-labelledby="preparation-title">
      <h2 id="preparation-title">{t('overview.preparation')}</h2>
      <ul className="plain-list">
        <li>
          <Link href="/tdr">
            {summary.tdrRevision === null
              ? t('overview.tdrNone')
              : t('overview.tdrRevision', { number: summary.tdrRevision })}
          </Link>
        </li>
        <li>
          <Link href="/participants">{t('overview.participants', { count: summary.participants })}</Link>
        </li>
        <li>
          <Link href="/communes">{t('overview.communes', { count: summary.communes })}</Link>
        </li>
        <li>
          <Link href="/actions">{t('overview.openActions', { count: summary.openActionPoints })}</Link>
        </li>
      </ul>
    </section>
  );
}
