// Sizes and ranges of record fields, in one place: the zod model (model.ts) is built from them and
// the app's forms and repositories check typed values against them, so a form never accepts what
// the server refuses (nor refuses what it accepts). No zod here: screens import this file without
// pulling the model into their bundle.

/** Highest number people read within a mission (participant N°, TdR revision, action point). */
export const RECORD_NUMBER_MAX = 100_000;

/** Longest text of each field, in characters. */
export const TEXT_MAX = {
  missionTitle: 300,
  missionProject: 300,
  vehicleLabel: 200,
  vehicleDriver: 200,
  tdrAuthorName: 200,
  tdrSection: 50_000,
  participantFullName: 200,
  participantFunction: 200,
  participantOrganisation: 200,
  participantPhone: 30,
  participantEmail: 200,
  communeName: 200,
  communeCercle: 200,
  communeRegion: 200,
  /** peopleMet, observations, difficulties, recommendations. */
  noteText: 20_000,
  achievementActivity: 500,
  photoCaption: 1000,
  actionPoint: 2000,
  actionAction: 5000,
  actionResponsible: 300,
  actionComments: 5000,
  reviewAuthorName: 200,
  reviewComment: 5000,
  reportLetterhead: 1000,
  reportSubtitle: 300,
  /** The synthèse and the conclusion. */
  reportText: 50_000,
  reportAnnexes: 5000,
  reportSignedAt: 200,
  signatoryName: 200,
  signatoryFunction: 200,
} as const;

/** Seats of a vehicle: what the mission form accepts (one or two digits, at least one). */
export const VEHICLE_SEATS = { min: 1, max: 99 } as const;

/** Lists a record may hold. */
export const LIST_MAX = { vehicles: 50, noteAuthors: 50, achievements: 500, signatories: 6 } as const;

/** Logos on a report's title page (photo records of usage 'logo'; the report prints the first three). */
export const REPORT_LOGOS_MAX = 3;
