import type { missions as fr } from '../fr/missions';

export const missions: typeof fr = {
  list: {
    title: 'Missions',
    empty: 'No missions yet.',
  },
};
