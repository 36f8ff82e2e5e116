// The records Terrain keeps, as zod schemas shared by the app (Dexie) and the server (SQL).
// Every record has a client-made, time-sortable id (ULID) and belongs to one mission, so access
// control and sync can work per mission. Dates are ISO strings: days as YYYY-MM-DD, instants in UTC.
import { z } from 'zod';

const id = z.string().min(1).max(64);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date-format');
const instant = z.string().min(10).max(40);
const text = (max = 20_000) => z.string().max(max);

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
  label: text(200),
  driver: text(200),
  seats: z.number().int().min(0).max(100),
});
export const missionSchema = z.object({
  ...base,
  title: text(300).min(1),
  project: text(300),
  startDate: day,
  endDate: day,
  status: z.enum(MISSION_STATUSES),
  vehicles: z.array(vehicleSchema).max(50),
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
  number: z.number().int().positive(),
  authorName: text(200),
  sections: z.object(
    Object.fromEntries(TDR_SECTIONS.map((s) => [s, text(50_000)])) as {
      [K in (typeof TDR_SECTIONS)[number]]: z.ZodString;
    },
  ),
});

export const PARTICIPANT_ROLES = ['chef_de_mission', 'membre', 'rapporteur', 'chauffeur', 'observateur'] as const;
export const participantSchema = z.object({
  ...base,
  order: z.number().int().nonnegative(),
  fullName: text(200).min(1),
  function: text(200),
  organisation: text(200),
  phone: text(30),
  email: text(200),
  role: z.enum(PARTICIPANT_ROLES),
});

export const communeSchema = z.object({
  ...base,
  name: text(200).min(1),
  cercle: text(200),
  region: text(200),
  plannedDate: day.or(z.literal('')),
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
});

export const NOTE_STATES = ['brouillon', 'soumise', 'a_revoir', 'validee'] as const;
export const ACHIEVEMENT_STATES = ['prevu', 'en_cours', 'acheve', 'abandonne'] as const;
export const achievementSchema = z.object({
  id,
  activity: text(500),
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
  authorIds: z.array(id).max(50),
  peopleMet: text(),
  observations: text(),
  difficulties: text(),
  recommendations: text(),
  achievements: z.array(achievementSchema).max(500),
  gps: gpsPointSchema.nullable(),
  state: z.enum(NOTE_STATES),
});

export const photoSchema = z.object({
  ...base,
  noteId: id,
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  caption: text(1000),
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
  number: z.number().int().positive(),
  point: text(2000).min(1),
  action: text(5000),
  responsible: text(300),
  comments: text(5000),
  dueDate: day.or(z.literal('')),
  status: z.enum(ACTION_STATUSES),
});

export const reviewCommentSchema = z.object({
  ...base,
  noteId: id,
  authorName: text(200),
  text: text(5000),
  fromState: z.enum(NOTE_STATES).nullable(),
  toState: z.enum(NOTE_STATES).nullable(),
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
export type ActionPoint = z.infer<typeof actionPointSchema>;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type ReviewComment = z.infer<typeof reviewCommentSchema>;
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
  conflicts: conflictSchema,
} as const;
export type SyncedTable = keyof typeof recordSchemas;
export const SYNCED_TABLES = Object.keys(recordSchemas) as SyncedTable[];
export type RecordOf<T extends SyncedTable> = z.infer<(typeof recordSchemas)[T]>;
