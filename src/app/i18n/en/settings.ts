import type { settings as fr } from '../fr/settings';

export const settings: typeof fr = {
  title: 'Settings',
  storage: {
    title: 'Storage on this device',
    persisted: 'Persistent storage granted: the browser will not delete your data.',
    notPersisted: 'Storage is not persistent: the browser may erase data if the device runs out of space.',
    usage: '{{used}} used of {{quota}} available',
    unknown: 'Usage unknown',
    nearlyFull: 'Warning: storage is nearly full ({{percent}}%). Sync and free some space.',
    iosHint:
      'On iPhone, add Terrain to the home screen (Share → Add to Home Screen): otherwise Safari may erase your data after 7 days without use.',
  },
  about: {
    title: 'About',
    version: 'Version {{version}}',
  },
};
