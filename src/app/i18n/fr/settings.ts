export const settings = {
  title: 'Paramètres',
  storage: {
    title: 'Stockage sur cet appareil',
    persisted: 'Stockage persistant accordé : le navigateur ne supprimera pas vos données.',
    notPersisted: 'Stockage non persistant : le navigateur pourrait effacer les données si l’appareil manque de place.',
    usage: '{{used}} utilisés sur {{quota}} disponibles',
    unknown: 'Utilisation inconnue',
    nearlyFull: 'Attention : le stockage est presque plein ({{percent}} %). Synchronisez et libérez de la place.',
    iosHint:
      'Sur iPhone, ajoutez Terrain à l’écran d’accueil (Partager → Sur l’écran d’accueil) : sinon Safari peut effacer vos données après 7 jours sans utilisation.',
  },
  about: {
    title: 'À propos',
    version: 'Version {{version}}',
  },
};
