export const missions = {
  list: {
    title: 'Missions',
    empty: 'Aucune mission pour l’instant.',
  },
};
