import { useTranslation } from 'react-i18next';
import { Route, Switch, useLocation, useParams } from 'wouter';
import { useMission } from '../../../db/repositories/missions';
import { Loading } from '../../components/Loading';
import { NavLink } from '../../components/NavLink';
import { ScrollStrip } from '../../components/shell/ScrollStrip';
import { NotFoundScreen } from '../NotFoundScreen';
import { MissionTitle } from './MissionTitle';
import { missionTabs } from './missionTabs';

/** A mission's pages: its title and tabs (one line each), and the page of the tab. Paths inside are relative. */
export function MissionLayout() {
  const { t } = useTranslation(['missions', 'report']);
  const { missionId } = useParams<{ missionId: string }>();
  const mission = useMission(missionId);
  const [location] = useLocation();
  if (mission === undefined) return <Loading />;
  if (mission === null) return <NotFoundScreen />;
  return (
    <div className="page">
      <div className="mission-header">
        <MissionTitle title={mission.title} />
        <ScrollStrip watch={location}>
          <nav className="tabs" aria-label={t('tabs.label')}>
            {missionTabs.map((tab) => (
              <NavLink key={tab.path} to={tab.path} end={tab.path === '/'}>
                {t(tab.labelKey)}
              </NavLink>
            ))}
          </nav>
        </ScrollStrip>
      </div>
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
