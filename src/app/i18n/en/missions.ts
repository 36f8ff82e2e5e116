import type { missions as fr } from '../fr/missions';

export const missions: typeof fr = {
  tabs: {
    label: 'Mission pages',
    overview: 'Overview',
    tdr: 'ToR',
    participants: 'Participants',
    communes: 'Communes',
    visits: 'Visits',
    actions: 'Actions',
  },
  list: {
    title: 'Missions',
    empty: 'No missions yet.',
  },
};
