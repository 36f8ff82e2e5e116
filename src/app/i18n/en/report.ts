// Report and exports tab: choice of notes, Word/PDF report, spreadsheets, mission archive.
export const report = {
  tab: 'Report',
  title: 'Report and exports',
  intro: 'Everything is produced on this device, even without a network.',
  notes: {
    legend: 'Visit notes to include',
    count_one: '{{count}} note',
    count_other: '{{count}} notes',
    required: 'Choose at least one note state.',
  },
  document: {
    title: 'Mission report',
    hint: 'Cover, terms of reference summary, participants, one section per commune (achievements, budgets, photos), budget summary and action points. The report is written in French.',
    word: 'Word (.docx)',
    pdf: 'PDF',
  },
  sheets: {
    title: 'Spreadsheets',
    hint: 'The CSV opens directly in French Excel. The Excel file holds all four tables.',
    table: 'Table to export as CSV',
    tables: {
      notes: 'Visit notes',
      achievements: 'Achievements and budgets',
      participants: 'Participants',
      actionPoints: 'Action points',
    },
    csv: 'CSV',
    xlsx: 'Excel (.xlsx)',
  },
  archive: {
    title: 'Mission archive',
    hint: 'One .zip file with the data and photos, to share over a USB stick or a messaging app. Another device imports it without a server; its own newer edits are kept.',
    export: 'Export the archive (.zip)',
    import: 'Import an archive',
    importing: 'Checking the archive…',
    imported:
      'Archive of “{{title}}” imported: {{added}} added, {{updated}} updated, {{kept}} already up to date or newer here, {{photos}} photo(s) added.',
    open: 'Open the imported mission',
    errors: {
      'archive-unreadable':
        'This file cannot be read: it is not a .zip archive, or it is damaged. Nothing was imported.',
      'archive-too-large':
        'This archive is too large once unzipped (over {{maxMegabytes}} MB): it is not opened. Nothing was imported.',
      'archive-foreign': 'This file is not a Terrain mission archive. Nothing was imported.',
      'archive-version':
        'This archive comes from a newer version of Terrain: update the app and try again. Nothing was imported.',
      'archive-corrupt':
        'This archive is corrupt or was altered (a checksum does not match). Nothing was imported: ask for it to be sent again.',
      'archive-invalid-record': 'This archive holds invalid data or data of another mission. Nothing was imported.',
      unexpected: 'The archive could not be imported. Nothing was changed on this device.',
    },
  },
  job: {
    building: 'Preparing {{file}}…',
    progress: 'Progress',
    ready: 'File ready.',
    download: 'Download {{file}} ({{size}})',
    failed: 'The file could not be produced. Your data is untouched.',
    noMission: 'This mission cannot be found on this device.',
  },
};
