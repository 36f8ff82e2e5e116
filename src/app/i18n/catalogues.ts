// The catalogues, one namespace per part of the app. Every string a screen shows comes from here.
import { actions as enActions } from './en/actions';
import { admin as enAdmin } from './en/admin';
import { common as enCommon } from './en/common';
import { communes as enCommunes } from './en/communes';
import { missions as enMissions } from './en/missions';
import { participants as enParticipants } from './en/participants';
import { report as enReport } from './en/report';
import { review as enReview } from './en/review';
import { settings as enSettings } from './en/settings';
import { sync as enSync } from './en/sync';
import { tdr as enTdr } from './en/tdr';
import { visits as enVisits } from './en/visits';
import { actions as frActions } from './fr/actions';
import { admin as frAdmin } from './fr/admin';
import { common as frCommon } from './fr/common';
import { communes as frCommunes } from './fr/communes';
import { missions as frMissions } from './fr/missions';
import { participants as frParticipants } from './fr/participants';
import { report as frReport } from './fr/report';
import { review as frReview } from './fr/review';
import { settings as frSettings } from './fr/settings';
import { sync as frSync } from './fr/sync';
import { tdr as frTdr } from './fr/tdr';
import { visits as frVisits } from './fr/visits';

export const catalogues = {
  fr: {
    tdr: frTdr,
    report: frReport,
    review: frReview,
    participants: frParticipants,
    communes: frCommunes,
    actions: frActions,
    sync: frSync,
    admin: frAdmin,
    common: frCommon,
    missions: frMissions,
    settings: frSettings,
    visits: frVisits,
  },
  en: {
    tdr: enTdr,
    report: enReport,
    review: enReview,
    participants: enParticipants,
    communes: enCommunes,
    actions: enActions,
    sync: enSync,
    admin: enAdmin,
    common: enCommon,
    missions: enMissions,
    settings: enSettings,
    visits: enVisits,
  },
} as const;

export type Language = keyof typeof catalogues;
export const LANGUAGES = Object.keys(catalogues) as Language[];
export const DEFAULT_LANGUAGE: Language = 'fr';
