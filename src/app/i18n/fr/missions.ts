export const missions = {
  tabs: {
    label: 'Pages de la mission',
    overview: 'Aperçu',
    tdr: 'TdR',
    participants: 'Participants',
    communes: 'Communes',
    visits: 'Visites',
    actions: 'Actions',
  },
  list: {
    title: 'Missions',
    empty: 'Aucune mission pour l’instant.',
  },
};
