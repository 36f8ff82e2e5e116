// The records Terrain keeps, as zod schemas shared by the app (Dexie) and the server (SQL).
// Every record has a client-made, time-sortable id (ULID) and belongs to one mission, so access
// control and sync can work per mission. Dates are ISO strings: days as YYYY-MM-DD, instants in UTC.
// Object schemas strip keys they do not name (zod's default; never `.passthrough()`/`looseObject`):
// the server stores what a schema returns, so an unknown nested key pushed by a device goes nowhere.
import { z } from 'zod';
import { LIST_MAX, RECORD_NUMBER_MAX, TEXT_MAX, VEHICLE_SEATS } from './fieldLimits';
import { idSchema as id } from './ids';

export { LIST_MAX, RECORD_NUMBER_MAX, TEXT_MAX, VEHICLE_SEATS } from './fieldLimits';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date-format');
const instant = z.string().min(10).max(40);
const text = (max: number) => z.string().max(max);
/** A number people read within a mission (revision, action point): 1..RECORD_NUMBER_MAX. */
const recordNumber = z.number().int().positive().max(RECORD_NUMBER_MAX);

/** Fields every synced record carries. `serverVersion` is the server's version the device last saw. */
const base = {
  id,
  missionId: id,
  createdAt: instant,
  updatedAt: instant,
  deletedAt: instant.nullable().optional(),
  serverVersion: z.number().int().nonnegative().optional(),
};

export const MISSION_STATUSES = ['preparation', 'terrain', 'terminee', 'rapport_valide'] as const;
export const vehicleSchema = z.object({
  id,
  label: text(TEXT_MAX.vehicleLabel),
  driver: text(TEXT_MAX.vehicleDriver),
  seats: z.number().int().min(VEHICLE_SEATS.min).max(VEHICLE_SEATS.max),
});
export const missionSchema = z.object({
  ...base,
  title: text(TEXT_MAX.missionTitle).min(1),
  project: text(TEXT_MAX.missionProject),
  startDate: day,
  endDate: day,
  status: z.enum(MISSION_STATUSES),
  vehicles: z.array(vehicleSchema).max(LIST_MAX.vehicles),
});

export const TDR_SECTIONS = [
  'context',
  'objectives',
  'expectedResults',
  'methodology',
  'itinerary',
  'team',
  'logistics',
  'budget',
] as const;
export const tdrRevisionSchema = z.object({
  ...base,
  number: recordNumber,
  authorName: text(TEXT_MAX.tdrAuthorName),
  sections: z.object(
    Object.fromEntries(TDR_SECTIONS.map((s) => [s, text(TEXT_MAX.tdrSection)])) as {
      [K in (typeof TDR_SECTIONS)[number]]: z.ZodString;
    },
  ),
});

export const PARTICIPANT_ROLES = ['chef_de_mission', 'membre', 'rapporteur', 'chauffeur', 'observateur'] as const;
export const participantSchema = z.object({
  ...base,
  order: z.number().int().nonnegative().max(RECORD_NUMBER_MAX),
  fullName: text(TEXT_MAX.participantFullName).min(1),
  function: text(TEXT_MAX.participantFunction),
  organisation: text(TEXT_MAX.participantOrganisation),
  phone: text(TEXT_MAX.participantPhone),
  email: text(TEXT_MAX.participantEmail),
  role: z.enum(PARTICIPANT_ROLES),
});

export const communeSchema = z.object({
  ...base,
  name: text(TEXT_MAX.communeName).min(1),
  cercle: text(TEXT_MAX.communeCercle),
  region: text(TEXT_MAX.communeRegion),
  plannedDate: day.or(z.literal('')),
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
});

export const NOTE_STATES = ['brouillon', 'soumise', 'a_revoir', 'validee'] as const;
export const ACHIEVEMENT_STATES = ['prevu', 'en_cours', 'acheve', 'abandonne'] as const;
export const achievementSchema = z.object({
  id,
  activity: text(TEXT_MAX.achievementActivity),
  plannedFcfa: z.number().int().min(0).max(1e13).nullable(),
  spentFcfa: z.number().int().min(0).max(1e13).nullable(),
  state: z.enum(ACHIEVEMENT_STATES),
});
export const gpsPointSchema = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  accuracyM: z.number().min(0),
  at: instant,
});
export const visitNoteSchema = z.object({
  ...base,
  communeId: id,
  visitDate: day.or(z.literal('')),
  authorIds: z.array(id).max(LIST_MAX.noteAuthors),
  peopleMet: text(TEXT_MAX.noteText),
  observations: text(TEXT_MAX.noteText),
  difficulties: text(TEXT_MAX.noteText),
  recommendations: text(TEXT_MAX.noteText),
  achievements: z.array(achievementSchema).max(LIST_MAX.achievements),
  gps: gpsPointSchema.nullable(),
  state: z.enum(NOTE_STATES),
});

/**
 * What a photo record's picture is for: a visit note's photo, or one of the mission's logos (the
 * report's title page). A logo is stored, uploaded, possessed by its mission and downloaded exactly
 * like a photo; its `noteId` is the mission's id. Records made before logos have no `usage`: notes.
 */
export const PHOTO_USAGES = ['note', 'logo'] as const;
export const photoSchema = z.object({
  ...base,
  noteId: id,
  usage: z.enum(PHOTO_USAGES).optional(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  caption: text(TEXT_MAX.photoCaption),
  mime: z.string().max(50),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().positive(),
  takenAt: instant.nullable(),
  exifLat: z.number().nullable(),
  exifLon: z.number().nullable(),
  forReport: z.boolean(),
});

export const ACTION_STATUSES = ['ouvert', 'en_cours', 'fait'] as const;
export const actionPointSchema = z.object({
  ...base,
  number: recordNumber,
  point: text(TEXT_MAX.actionPoint).min(1),
  action: text(TEXT_MAX.actionAction),
  responsible: text(TEXT_MAX.actionResponsible),
  comments: text(TEXT_MAX.actionComments),
  dueDate: day.or(z.literal('')),
  status: z.enum(ACTION_STATUSES),
});

export const reviewCommentSchema = z.object({
  ...base,
  noteId: id,
  authorName: text(TEXT_MAX.reviewAuthorName),
  text: text(TEXT_MAX.reviewComment),
  fromState: z.enum(NOTE_STATES).nullable(),
  toState: z.enum(NOTE_STATES).nullable(),
});

/** The parts of the mission report a person may leave out (src/report/settings.ts). */
export const REPORT_PARTS = [
  'synthesis',
  'tdr',
  'participants',
  'map',
  'visits',
  'photos',
  'charts',
  'budget',
  'actions',
  'conclusion',
  'signatures',
  'annexes',
] as const;
/**
 * What the mission's report says beyond the records: title page lines, synthèse, conclusion,
 * annexes, who signs, which parts are left out. One per mission: its id is the mission's id, so two
 * devices that set it offline edit the same record (merged field by field) instead of making two.
 */
export const reportSettingsSchema = z.object({
  ...base,
  letterhead: text(TEXT_MAX.reportLetterhead),
  subtitle: text(TEXT_MAX.reportSubtitle),
  synthesis: text(TEXT_MAX.reportText),
  conclusion: text(TEXT_MAX.reportText),
  annexes: text(TEXT_MAX.reportAnnexes),
  signedAt: text(TEXT_MAX.reportSignedAt),
  signatories: z
    .array(z.object({ name: text(TEXT_MAX.signatoryName), function: text(TEXT_MAX.signatoryFunction) }))
    .max(LIST_MAX.signatories),
  excludedParts: z.array(z.enum(REPORT_PARTS)).max(REPORT_PARTS.length),
});

/**
 * A value the server could not merge: the same field changed on two devices since their common
 * version. Made by the server, synced to every member, settled by a person (nothing is lost).
 */
export const conflictSchema = z.object({
  ...base,
  table: z.string().max(40),
  recordId: id,
  field: z.string().max(60),
  values: z
    .array(z.object({ value: z.unknown(), by: text(200), userId: z.string().max(64), at: instant }))
    .min(2)
    .max(20),
  resolvedAt: instant.nullable(),
  resolvedBy: text(200).nullable(),
});

export type Mission = z.infer<typeof missionSchema>;
export type Conflict = z.infer<typeof conflictSchema>;
export type Vehicle = z.infer<typeof vehicleSchema>;
export type TdrRevision = z.infer<typeof tdrRevisionSchema>;
export type TdrSection = (typeof TDR_SECTIONS)[number];
export type Participant = z.infer<typeof participantSchema>;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export type Commune = z.infer<typeof communeSchema>;
export type VisitNote = z.infer<typeof visitNoteSchema>;
export type Achievement = z.infer<typeof achievementSchema>;
export type GpsPoint = z.infer<typeof gpsPointSchema>;
export type NoteState = (typeof NOTE_STATES)[number];
export type Photo = z.infer<typeof photoSchema>;
export type PhotoUsage = (typeof PHOTO_USAGES)[number];
export type ActionPoint = z.infer<typeof actionPointSchema>;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type ReviewComment = z.infer<typeof reviewCommentSchema>;
export type ReportSettings = z.infer<typeof reportSettingsSchema>;
export type ReportPart = (typeof REPORT_PARTS)[number];
export type MissionStatus = (typeof MISSION_STATUSES)[number];

/** The synced tables, by name: the name is the same in Dexie, on the wire and in SQL. */
export const recordSchemas = {
  missions: missionSchema,
  tdrRevisions: tdrRevisionSchema,
  participants: participantSchema,
  communes: communeSchema,
  visitNotes: visitNoteSchema,
  photos: photoSchema,
  actionPoints: actionPointSchema,
  reviewComments: reviewCommentSchema,
  reportSettings: reportSettingsSchema,
  conflicts: conflictSchema,
} as const;
export type SyncedTable = keyof typeof recordSchemas;
export const SYNCED_TABLES = Object.keys(recordSchemas) as SyncedTable[];
export type RecordOf<T extends SyncedTable> = z.infer<(typeof recordSchemas)[T]>;
