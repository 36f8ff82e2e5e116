// Report and exports tab: choice of notes, Word/PDF report, spreadsheets, mission archive.
export const report = {
  tab: 'Rapport',
  title: 'Rapport et exports',
  intro: 'Tout est produit sur cet appareil, même sans réseau.',
  notes: {
    legend: 'Notes de visite à inclure',
    count_one: '{{count}} note',
    count_other: '{{count}} notes',
    required: 'Choisissez au moins un état de note.',
  },
  document: {
    title: 'Compte rendu de mission',
    hint: 'Couverture, rappel des TdR, participants, une section par commune (réalisations, budgets, photos), synthèse budgétaire et points d’action.',
    word: 'Word (.docx)',
    pdf: 'PDF',
  },
  sheets: {
    title: 'Tableurs',
    hint: 'Le CSV s’ouvre directement dans Excel en français. Le fichier Excel contient les quatre tableaux.',
    table: 'Tableau à exporter en CSV',
    tables: {
      notes: 'Notes de visite',
      achievements: 'Réalisations et budgets',
      participants: 'Participants',
      actionPoints: 'Points d’action',
    },
    csv: 'CSV',
    xlsx: 'Excel (.xlsx)',
  },
  archive: {
    title: 'Archive de la mission',
    hint: 'Un seul fichier .zip avec les données et les photos, à partager par clé USB ou messagerie. Un autre appareil l’importe sans serveur ; ses modifications plus récentes sont conservées.',
    export: 'Exporter l’archive (.zip)',
    import: 'Importer une archive',
    importing: 'Vérification de l’archive…',
    imported:
      'Archive de « {{title}} » importée : {{added}} ajout(s), {{updated}} mise(s) à jour, {{kept}} déjà à jour ou plus récent(s) ici, {{photos}} photo(s) ajoutée(s).',
    open: 'Ouvrir la mission importée',
    errors: {
      'archive-unreadable':
        'Ce fichier est illisible : ce n’est pas une archive .zip, ou il est endommagé. Rien n’a été importé.',
      'archive-too-large':
        'Cette archive est trop volumineuse une fois décompressée (plus de {{maxMegabytes}} Mo) : elle n’est pas ouverte. Rien n’a été importé.',
      'archive-foreign': 'Ce fichier n’est pas une archive de mission Terrain. Rien n’a été importé.',
      'archive-version':
        'Cette archive vient d’une version plus récente de Terrain : mettez l’application à jour puis réessayez. Rien n’a été importé.',
      'archive-corrupt':
        'Cette archive est corrompue ou a été modifiée (une empreinte de contrôle ne correspond pas). Rien n’a été importé : demandez un nouvel envoi.',
      'archive-invalid-record':
        'Cette archive contient des données invalides ou d’une autre mission. Rien n’a été importé.',
      unexpected: 'L’archive n’a pas pu être importée. Rien n’a été modifié sur cet appareil.',
    },
  },
  job: {
    building: 'Préparation de {{file}}…',
    progress: 'Avancement',
    ready: 'Fichier prêt.',
    download: 'Télécharger {{file}} ({{size}})',
    failed: 'Le fichier n’a pas pu être produit. Vos données ne sont pas touchées.',
    noMission: 'Cette mission est introuvable sur cet appareil.',
  },
};
