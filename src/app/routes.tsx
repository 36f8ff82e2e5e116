// The app's screens. Only the first screen (missions) is in the main bundle; the others are split
// into chunks that load on demand (all precached by the service worker, so they load offline too).
import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { Layout } from './components/Layout';
import { Loading } from './components/Loading';
import { MissionsScreen } from './screens/missions/MissionsScreen';
import { NotFoundScreen } from './screens/NotFoundScreen';

const SettingsScreen = lazy(() => import('./screens/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
const LoginScreen = lazy(() => import('./screens/login/LoginScreen').then((m) => ({ default: m.LoginScreen })));
const AdminScreen = lazy(() => import('./screens/admin/AdminScreen').then((m) => ({ default: m.AdminScreen })));
const MissionLayout = lazy(() =>
  import('./screens/missions/MissionLayout').then((m) => ({ default: m.MissionLayout })),
);
const MissionCreateScreen = lazy(() =>
  import('./screens/missions/MissionCreateScreen').then((m) => ({ default: m.MissionCreateScreen })),
);
const ReviewScreen = lazy(() => import('./screens/review/ReviewScreen').then((m) => ({ default: m.ReviewScreen })));
const OpenActionsScreen = lazy(() =>
  import('./screens/actions/OpenActionsScreen').then((m) => ({ default: m.OpenActionsScreen })),
);

export function AppRoutes() {
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Route path="/" component={MissionsScreen} />
          <Route path="/missions/new" component={MissionCreateScreen} />
          <Route path="/missions/:missionId" nest component={MissionLayout} />
          <Route path="/actions" component={OpenActionsScreen} />
          <Route path="/review" component={ReviewScreen} />
          <Route path="/settings" component={SettingsScreen} />
          <Route path="/login" component={LoginScreen} />
          <Route path="/admin" component={AdminScreen} />
          <Route component={NotFoundScreen} />
        </Switch>
      </Suspense>
    </Layout>
  );
}
