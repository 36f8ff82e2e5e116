// French is the first language: every other catalogue must have the same keys (a test checks it).
export const common = {
  appName: 'Terrain',
  tagline: 'Carnet de mission de terrain',
  nav: {
    missions: 'Missions',
    actions: 'Points d’action',
    reviewBadge_one: '{{count}} note à examiner',
    reviewBadge_other: '{{count}} notes à examiner',
    review: 'Revue',
    settings: 'Paramètres',
    mainMenu: 'Menu principal',
    back: 'Retour',
  },
  status: {
    online: 'En ligne',
    offline: 'Hors ligne',
    offlineHint: 'Vos saisies sont enregistrées sur cet appareil.',
  },
  update: {
    available: 'Une nouvelle version de Terrain est disponible.',
    reload: 'Mettre à jour',
    later: 'Plus tard',
    offlineReady: 'Terrain fonctionne désormais sans réseau.',
    close: 'Fermer',
  },
  errors: {
    unexpected: 'Une erreur inattendue est survenue. Vos données enregistrées ne sont pas perdues.',
    reload: 'Recharger',
    notFound: 'Cette page n’existe pas.',
    goHome: 'Retour aux missions',
    loadingFailed: 'Cette partie de l’application n’a pas pu être chargée.',
    section: 'Cette partie ne peut pas s’afficher : ses données sont illisibles. Le reste de l’écran fonctionne.',
    retry: 'Réessayer',
    quota:
      'L’espace de stockage de l’appareil est plein : libérez de la place. Ce qui était déjà enregistré est conservé.',
  },
  actions: {
    save: 'Enregistrer',
    cancel: 'Annuler',
    delete: 'Supprimer',
    edit: 'Modifier',
    add: 'Ajouter',
    close: 'Fermer',
    confirm: 'Confirmer',
  },
  loading: 'Chargement…',
  language: {
    label: 'Langue',
    fr: 'Français',
    en: 'English',
  },
};
