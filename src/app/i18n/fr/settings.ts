export const settings = {
  title: 'Paramètres',
  storage: {
    title: 'Stockage sur cet appareil',
    persisted: 'Stockage persistant accordé : le navigateur ne supprimera pas vos données.',
    notPersisted: 'Stockage non persistant : le navigateur pourrait effacer les données si l’appareil manque de place.',
    usage: '{{used}} utilisés sur {{quota}} disponibles',
    unknown: 'Utilisation inconnue',
    nearlyFull: 'Attention : le stockage est presque plein ({{percent}} %). Synchronisez et libérez de la place.',
    request: 'Demander au navigateur de garder les données',
    refused:
      'Le navigateur n’a pas accordé le stockage persistant. Installer Terrain (section Application) aide souvent : il décide seul.',
  },
  install: {
    title: 'Application',
    installed: 'Terrain est installé sur cet appareil.',
    'installed-elsewhere': 'Terrain vient d’être installé : ouvrez-le désormais depuis son icône.',
    prompt:
      'Installez Terrain : il s’ouvre comme une application, même sans réseau, et le navigateur garde mieux ses données.',
    apple: 'Sur iPhone et iPad, ajoutez Terrain à l’écran d’accueil :',
    unavailable:
      'Ce navigateur ne propose pas, pour l’instant, d’installer Terrain : utilisez-le ici et gardez-le en favori.',
  },
  about: {
    title: 'À propos',
    version: 'Version {{version}}',
  },
};
