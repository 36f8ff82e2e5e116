// The French words for the states of notes, achievements and action points, written once: the
// app's French catalogue and the report (a French document whatever the interface language) read
// them here, so the report never says "Achevé" where the app says "Achevée".
import type { Achievement, ActionStatus, NoteState } from './model';

/** A réalisation is feminine. */
export const ACHIEVEMENT_STATE_WORDS = {
  prevu: 'Prévue',
  en_cours: 'En cours',
  acheve: 'Achevée',
  abandonne: 'Abandonnée',
} as const satisfies Record<Achievement['state'], string>;

export const ACTION_STATUS_WORDS = {
  ouvert: 'Ouvert',
  en_cours: 'En cours',
  fait: 'Fait',
} as const satisfies Record<ActionStatus, string>;

/** A note de visite is feminine. */
export const NOTE_STATE_WORDS = {
  brouillon: 'Brouillon',
  soumise: 'Soumise',
  a_revoir: 'À revoir',
  validee: 'Validée',
} as const satisfies Record<NoteState, string>;
