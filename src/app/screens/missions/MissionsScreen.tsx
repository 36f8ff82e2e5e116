import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useMissions } from '../../../db/repositories/missions';
import { useNotesToReviseByMission } from '../../../db/repositories/notesToRevise';
import { Loading } from '../../components/Loading';
import { formatDay } from '../../format';
import { InstallInvitation } from '../../install/InstallInvitation';
import { ImportMissionCard } from './ImportMissionCard';
import { MissionToReviseCount } from './MissionToReviseCount';

// The first screen: kept light. Forms and the demo mission's data load only when asked for.
export function MissionsScreen() {
  const { t } = useTranslation('missions');
  const missions = useMissions();
  const toRevise = useNotesToReviseByMission();
  return (
    <div className="page">
      <div className="page-title-row">
        <h1>{t('list.title')}</h1>
        <Link href="/missions/new" className="button primary">
          {t('list.new')}
        </Link>
      </div>
      {missions === undefined ? (
        <Loading />
      ) : missions.length === 0 ? (
        <>
          <EmptyState />
          <ImportMissionCard />
        </>
      ) : (
        <ul className="card-list">
          {missions.map((mission) => (
            <li key={mission.id} className="card">
              <Link href={`/missions/${mission.id}`}>{mission.title}</Link>
              <p className="muted">
                {formatDay(mission.startDate)} – {formatDay(mission.endDate)} · {t(`status.${mission.status}`)}
              </p>
              <MissionToReviseCount missionId={mission.id} count={toRevise?.get(mission.id)} />
            </li>
          ))}
        </ul>
      )}
      {/* Below the list: it appears when the browser offers installing, which would push the list down. */}
      <InstallInvitation />
    </div>
  );
}

function EmptyState() {
  const { t } = useTranslation('missions');
  const [, navigate] = useLocation();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');

  async function createDemo() {
    setState('busy');
    try {
      const { createDemoMission } = await import('../../../db/repositories/demoMission');
      navigate(`/missions/${await createDemoMission()}`);
    } catch (error) {
      console.error('Terrain: demo mission failed', error);
      setState('failed');
    }
  }

  return (
    <div className="card">
      <p className="empty">{t('list.empty')}</p>
      <p className="muted">{t('list.demoHint')}</p>
      <div className="button-row">
        <button type="button" className="button" disabled={state === 'busy'} onClick={() => void createDemo()}>
          {t('list.demo')}
        </button>
      </div>
      {state === 'failed' && (
        <p className="field-error" role="alert">
          {t('list.demoFailed')}
        </p>
      )}
    </div>
  );
}
