// The catalogues, one namespace per part of the app. Every string a screen shows comes from here.
// The namespaces of the first screen and the app's frame are bundled; the others load with their
// screens (precached by the service worker, so they load offline too) to keep the first screen light.

import { common as enCommon } from './en/common';
import { missions as enMissions } from './en/missions';
import { sync as enSync } from './en/sync';
import type { actions } from './fr/actions';
import type { admin } from './fr/admin';
import { common as frCommon } from './fr/common';
import type { communes } from './fr/communes';
import { missions as frMissions } from './fr/missions';
import type { participants } from './fr/participants';
import type { report } from './fr/report';
import type { review } from './fr/review';
import type { settings } from './fr/settings';
import { sync as frSync } from './fr/sync';
import type { tdr } from './fr/tdr';
import type { visits } from './fr/visits';

/** The shape of a whole language: French is the source, every language has the same keys. */
export interface Catalogue {
  actions: typeof actions;
  admin: typeof admin;
  common: typeof frCommon;
  communes: typeof communes;
  missions: typeof frMissions;
  participants: typeof participants;
  report: typeof report;
  review: typeof review;
  settings: typeof settings;
  sync: typeof frSync;
  tdr: typeof tdr;
  visits: typeof visits;
}
export type Namespace = keyof Catalogue;

export const bundledCatalogues = {
  fr: { common: frCommon, missions: frMissions, sync: frSync },
  en: { common: enCommon, missions: enMissions, sync: enSync },
} as const;
export const BUNDLED_NAMESPACES = Object.keys(bundledCatalogues.fr) as Namespace[];

export type Language = keyof typeof bundledCatalogues;
export const LANGUAGES = Object.keys(bundledCatalogues) as Language[];
export const DEFAULT_LANGUAGE: Language = 'fr';

const loaders = import.meta.glob<Record<string, object>>([
  './fr/*.ts',
  './en/*.ts',
  '!**/common.ts',
  '!**/missions.ts',
  '!**/sync.ts',
]);

/** Loads one namespace of one language (a chunk of its own). */
export async function loadCatalogue(language: string, namespace: string): Promise<object> {
  const load = loaders[`./${language}/${namespace}.ts`];
  if (!load) throw new Error(`no catalogue ${language}/${namespace}`);
  return (await load())[namespace];
}
