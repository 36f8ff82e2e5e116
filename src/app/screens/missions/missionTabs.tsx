// The tabs of a mission, in the order a mission is lived: prepare, then visit, then follow up.
import { type ComponentType, lazy } from 'react';

export interface MissionTabProps {
  missionId: string;
}

const lazyTab = (load: () => Promise<ComponentType<MissionTabProps>>) => lazy(async () => ({ default: await load() }));

export const missionTabs = [
  {
    path: '/',
    labelKey: 'tabs.overview',
    nest: false,
    Screen: lazyTab(() => import('./MissionOverview').then((m) => m.MissionOverview)),
  },
  {
    path: '/tdr',
    labelKey: 'tabs.tdr',
    nest: true,
    Screen: lazyTab(() => import('./TdrScreen').then((m) => m.TdrScreen)),
  },
  {
    path: '/participants',
    labelKey: 'tabs.participants',
    nest: true,
    Screen: lazyTab(() => import('./ParticipantsScreen').then((m) => m.ParticipantsScreen)),
  },
  {
    path: '/communes',
    labelKey: 'tabs.communes',
    nest: true,
    Screen: lazyTab(() => import('./CommunesScreen').then((m) => m.CommunesScreen)),
  },
  {
    path: '/visits',
    labelKey: 'tabs.visits',
    nest: true,
    Screen: lazyTab(() => import('../visits/VisitsScreen').then((m) => m.VisitsScreen)),
  },
  {
    path: '/actions',
    labelKey: 'tabs.actions',
    nest: true,
    Screen: lazyTab(() => import('./ActionPointsScreen').then((m) => m.ActionPointsScreen)),
  },
  {
    path: '/report',
    labelKey: 'report:tab',
    nest: true,
    Screen: lazyTab(() => import('../report/ReportScreen').then((m) => m.ReportScreen)),
  },
] as const;
