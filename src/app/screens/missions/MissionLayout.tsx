import { useTranslation } from 'react-i18next';
import { Route, Switch, useParams } from 'wouter';
import { useMission } from '../../../db/repositories/missions';
import { Loading } from '../../components/Loading';
import { NavLink } from '../../components/NavLink';
import { NotFoundScreen } from '../NotFoundScreen';
import { missionTabs } from './missionTabs';

/** A mission's pages: its title, the tabs, and the page of the tab. Paths inside are relative. */
export function MissionLayout() {
  const { t } = useTranslation(['missions', 'report']);
  const { missionId } = useParams<{ missionId: string }>();
  const mission = useMission(missionId);
  if (mission === undefined) return <Loading />;
  if (mission === null) return <NotFoundScreen />;
  return (
    <div className="page">
      <h1>{mission.title}</h1>
      <nav className="tabs" aria-label={t('tabs.label')}>
        {missionTabs.map((tab) => (
          <NavLink key={tab.path} to={tab.path} end={tab.path === '/'}>
            {t(tab.labelKey)}
          </NavLink>
        ))}
      </nav>
      <Switch>
        {missionTabs.map((tab) => (
          <Route key={tab.path} path={tab.path} nest={tab.nest}>
            <tab.Screen missionId={missionId} />
          </Route>
        ))}
        <Route component={NotFoundScreen} />
      </Switch>
    </div>
  );
}
