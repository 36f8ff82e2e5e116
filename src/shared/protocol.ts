// The sync protocol between the app and the server, as zod schemas both sides validate with.
// Bump PROTOCOL_VERSION (src/shared/constants.ts) on any incompatible change. Written up in
// src/shared/PROTOCOL.md. Principles: client-made mutation ids (replays are acknowledged, never
// applied twice), a server-assigned change sequence for pulls (never clocks), per-field versions so
// edits of different fields merge and edits of the same field become a visible conflict.
import { z } from 'zod';
import { PULL_PAGE_MAX_CHANGES, PUSH_BATCH_MAX_MUTATIONS } from './constants';
import { idSchema as id } from './ids';
import { JSON_MAX_DEPTH, nestsAtMost } from './jsonDepth';
import { missionSchema, SYNCED_TABLES, type SyncedTable } from './model';
export const syncedTableSchema = z.enum(SYNCED_TABLES as [SyncedTable, ...SyncedTable[]]);

// ---- accounts -------------------------------------------------------------------------------

export const ROLES = ['member', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A person's name as typed: no control characters (U+0000 cannot be stored by PostgreSQL; none is ever typed). */
const personName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine(
    (name) => ![...name].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f),
    'control-characters',
  );

/** An account's e-mail address, as typed: trimmed, in lower case. */
const accountEmail = z.string().trim().toLowerCase().email().max(200);

/** Whether a typed value is an account e-mail the server accepts (forms check it before sending). */
export function isAccountEmail(value: string): boolean {
  return accountEmail.safeParse(value).success;
}

export const loginRequestSchema = z.object({
  email: accountEmail,
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const userSchema = z.object({
  id,
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
});
export type User = z.infer<typeof userSchema>;

export const sessionSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: userSchema,
});
export type Session = z.infer<typeof sessionSchema>;

export const createUserRequestSchema = z.object({
  email: accountEmail,
  name: personName,
  role: z.enum(ROLES),
  password: z.string().min(8).max(200),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(8).max(200),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const membershipRequestSchema = z.object({ userId: id });

/** An account as the admin screen lists it: disabledAt is set while the account is disabled. */
export const adminUserSchema = userSchema.extend({ disabledAt: z.string().nullable() });
export type AdminUser = z.infer<typeof adminUserSchema>;

/** At most this many people named when a mission is prepared on the server. */
export const MISSION_TEAM_MAX = 200;

const isCalendarDay = (value: string) => !Number.isNaN(Date.parse(value));

/**
 * A mission prepared on the server by an administrator or a coordinator (POST /api/admin/missions).
 * `id` is made by the app (a retry sends the same one); the fields are those of the mission record,
 * with its own limits. `members`: the team, each with the role of their account.
 */
export const createMissionRequestSchema = z
  .object({
    id,
    title: z.string().trim().pipe(missionSchema.shape.title),
    project: z.string().trim().pipe(missionSchema.shape.project).default(''),
    startDate: missionSchema.shape.startDate.refine(isCalendarDay, 'date-invalid'),
    endDate: missionSchema.shape.endDate.refine(isCalendarDay, 'date-invalid'),
    members: z.array(membershipRequestSchema).max(MISSION_TEAM_MAX),
  })
  .refine((mission) => mission.endDate >= mission.startDate, { path: ['endDate'], message: 'end-before-start' });
export type CreateMissionRequest = z.input<typeof createMissionRequestSchema>;

/** A mission as the admin screen lists it: its title and its people. */
export const adminMissionSchema = z.object({ id: z.string(), title: z.string(), members: z.array(userSchema) });
export type AdminMission = z.infer<typeof adminMissionSchema>;

// ---- push -----------------------------------------------------------------------------------

export const mutationSchema = z.object({
  mutationId: id,
  table: syncedTableSchema,
  recordId: id,
  missionId: id,
  op: z.enum(['put', 'delete']),
  /** The fields this mutation sets. For a record the server does not know yet: the whole record. */
  changes: z
    .record(z.string().max(60), z.unknown())
    .refine((changes) => nestsAtMost(changes, JSON_MAX_DEPTH), 'too-deep'),
  /** The server version the device had when it made the change (0: a new record). */
  baseVersion: z.number().int().nonnegative(),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.object({
  protocolVersion: z.number().int(),
  clientId: id,
  mutations: z.array(mutationSchema).min(1).max(PUSH_BATCH_MAX_MUTATIONS),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** The server's copy of a record: its data, version and sequence number. */
/**
 * Ids as the server sends them back: records stored before the id rule (src/shared/ids.ts) may hold
 * others, and one such record must not make every pull fail on the device.
 */
const storedId = z.string().min(1).max(64);

export const serverRecordSchema = z.object({
  table: syncedTableSchema,
  id: storedId,
  missionId: storedId,
  version: z.number().int().positive(),
  seq: z.number().int().positive(),
  data: z.record(z.string(), z.unknown()),
});
export type ServerRecord = z.infer<typeof serverRecordSchema>;

export const conflictInfoSchema = z.object({ field: z.string(), conflictId: id });

export const mutationResultSchema = z.discriminatedUnion('status', [
  /** Applied now. `conflicts` lists fields kept at the server's value and recorded as conflicts. */
  z.object({
    mutationId: id,
    status: z.literal('applied'),
    record: serverRecordSchema,
    conflicts: z.array(conflictInfoSchema),
  }),
  /** Applied earlier (a replay): nothing changed now. */
  z.object({ mutationId: id, status: z.literal('duplicate'), record: serverRecordSchema.nullable() }),
  /** Refused for good (invalid, forbidden): the device keeps it, visible, with the reason. */
  z.object({ mutationId: id, status: z.literal('rejected'), code: z.string(), message: z.string() }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({ results: z.array(mutationResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ---- pull -----------------------------------------------------------------------------------

/** Per-mission cursors: a mission the user joins later is pulled from its start. */
export const pullRequestSchema = z.object({
  protocolVersion: z.number().int(),
  cursors: z.record(id, z.number().int().nonnegative()),
  limit: z.number().int().positive().max(PULL_PAGE_MAX_CHANGES).optional(),
  /**
   * The pulling device (its PushRequest.clientId): records whose latest change came from it are
   * not sent back (its push answers carried them); its cursors still move past them.
   */
  clientId: id.optional(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const pullResponseSchema = z.object({
  /** In server sequence order; a deleted record comes as a tombstone (data.deletedAt set). */
  changes: z.array(serverRecordSchema),
  /** The new cursor of every mission the user belongs to. */
  cursors: z.record(storedId, z.number().int().nonnegative()),
  /** The missions the user belongs to now. */
  missions: z.array(storedId),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

// ---- photos ---------------------------------------------------------------------------------

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);
export const missingPhotosRequestSchema = z.object({
  missionId: id,
  hashes: z.array(sha256Schema).max(1000),
});
export const missingPhotosResponseSchema = z.object({ missing: z.array(sha256Schema) });

/** tus Upload-Metadata keys sent with each photo upload. */
export const PHOTO_UPLOAD_METADATA = ['hash', 'missionId', 'filetype'] as const;
