// The catalogues, one namespace per part of the app. Every string a screen shows comes from here.
import { admin as enAdmin } from './en/admin';
import { common as enCommon } from './en/common';
import { missions as enMissions } from './en/missions';
import { settings as enSettings } from './en/settings';
import { sync as enSync } from './en/sync';
import { visits as enVisits } from './en/visits';
import { admin as frAdmin } from './fr/admin';
import { common as frCommon } from './fr/common';
import { missions as frMissions } from './fr/missions';
import { settings as frSettings } from './fr/settings';
import { sync as frSync } from './fr/sync';
import { visits as frVisits } from './fr/visits';

export const catalogues = {
  fr: { sync: frSync, admin: frAdmin, common: frCommon, missions: frMissions, settings: frSettings, visits: frVisits },
  en: { sync: enSync, admin: enAdmin, common: enCommon, missions: enMissions, settings: enSettings, visits: enVisits },
} as const;

export type Language = keyof typeof catalogues;
export const LANGUAGES = Object.keys(catalogues) as Language[];
export const DEFAULT_LANGUAGE: Language = 'fr';
