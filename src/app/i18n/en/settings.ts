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
    request: 'Ask the browser to keep the data',
    refused:
      'The browser did not grant persistent storage. Installing Terrain (Application section) often helps: the browser decides by itself.',
  },
  install: {
    title: 'Application',
    installed: 'Terrain is installed on this device.',
    'installed-elsewhere': 'Terrain has just been installed: open it from its icon from now on.',
    prompt: 'Install Terrain: it opens like an app, even without a network, and the browser keeps its data better.',
    apple: 'On iPhone and iPad, add Terrain to the home screen:',
    unavailable: 'This browser does not offer to install Terrain for now: use it here and bookmark it.',
  },
  about: {
    title: 'About',
    version: 'Version {{version}}',
  },
};
