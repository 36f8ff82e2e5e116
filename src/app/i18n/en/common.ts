import type { common as fr } from '../fr/common';

export const common: typeof fr = {
  appName: 'Terrain',
  tagline: 'Field mission notebook',
  nav: {
    missions: 'Missions',
    actions: 'Action points',
    reviewBadge_one: '{{count}} note to review',
    reviewBadge_other: '{{count}} notes to review',
    review: 'Review',
    settings: 'Settings',
    mainMenu: 'Main menu',
    back: 'Back',
  },
  status: {
    online: 'Online',
    offline: 'Offline',
    offlineHint: 'What you enter is saved on this device.',
  },
  update: {
    available: 'A new version of Terrain is available.',
    reload: 'Update',
    later: 'Later',
    offlineReady: 'Terrain now works without a network.',
    close: 'Close',
  },
  errors: {
    unexpected: 'Something went wrong. Your saved data is not lost.',
    reload: 'Reload',
    notFound: 'This page does not exist.',
    goHome: 'Back to missions',
    loadingFailed: 'This part of the app could not be loaded.',
    section: 'This part cannot be shown: its data is unreadable. The rest of the screen works.',
    retry: 'Try again',
    quota: 'The device storage is full: free some space. What was already saved is kept.',
  },
  actions: {
    save: 'Save',
    cancel: 'Cancel',
    delete: 'Delete',
    edit: 'Edit',
    add: 'Add',
    close: 'Close',
    confirm: 'Confirm',
  },
  loading: 'Loading…',
  language: {
    label: 'Language',
    fr: 'Français',
    en: 'English',
  },
};
