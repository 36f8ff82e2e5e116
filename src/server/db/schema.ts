// The server's SQL tables, as Kysely types. Records of every synced table live in one `records`
// table (JSON data stored as text, so SQLite and PostgreSQL run the same queries); accounts,
// sessions, memberships, applied mutation ids, the change counter and photo blobs sit beside it.
import type { ColumnType } from 'kysely';
import type { Role } from '../../shared/protocol';

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** `scrypt$N$r$p$salt$hash` (base64url parts): see auth/passwords.ts. */
  password_hash: string;
  created_at: string;
  /** When an administrator disabled the account (its sessions ended then); null while active. */
  disabled_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SessionsTable {
  /** SHA-256 of the token: a stolen database does not give working tokens. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface MissionMembersTable {
  mission_id: string;
  user_id: string;
  added_at: string;
}

/** Who was removed from which mission: their device may still hold a cursor for it (see sync/pull.ts). */
export interface MissionDeparturesTable {
  mission_id: string;
  user_id: string;
  left_at: string;
}

export interface RecordsTable {
  table_name: string;
  id: string;
  mission_id: string;
  version: number;
  /** Change sequence of the last write: pulls page by it (see sync/sequence.ts). */
  seq: number;
  /** The record as JSON text. */
  data: string;
  /** JSON text: per field, the version at which it last changed and who changed it (FieldMeta). */
  field_meta: string;
  /** The number people read (participant N°, revision, action point) while the record is live, else null (sync/numbering.ts). */
  live_number: number | null;
  /**
   * The device (PushRequest.clientId) whose push made the latest change, or null when the server
   * wrote it (a conflict) or it dates from before 0006: a pull does not send a device its own.
   */
  last_client_id: string | null;
}

/** Mutations applied, by sender: a mutation id is unique per account and device (client_id; '' for rows from before 0004). */
export interface AppliedMutationsTable {
  mutation_id: string;
  user_id: string;
  client_id: string;
  table_name: string;
  record_id: string;
  version: number;
  applied_at: string;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface PhotoBlobsTable {
  hash: string;
  bytes: number;
  mime: string;
  stored_at: string;
}

/** Which missions reference a photo hash (from their `photos` records): decides who may fetch it. */
export interface PhotoRefsTable {
  hash: string;
  mission_id: string;
}

/** Failed logins per throttle key (auth/loginThrottle.ts); times are ISO strings. */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  last_failure_at: string;
  /** No attempt for this key is checked before this time (the last failure's time when not blocked). */
  blocked_until: string;
}

/** A device that logged in successfully: SHA-256 of its device token (auth/knownDevices.ts). */
export interface KnownDevicesTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  last_login_at: string;
}

/** A mission holds a photo once an upload for that mission finished with its bytes (photos/possession.ts). */
export interface PhotoPossessionsTable {
  hash: string;
  mission_id: string;
  since: string;
}

/**
 * PostgreSQL only (photos/pg/): a stored photo's bytes in pieces of at most a MiB, in order. Rows of
 * one hash come from one finished upload (the first piece is inserted first and decides).
 */
export interface PhotoChunksTable {
  hash: string;
  start_byte: number;
  data: Buffer;
}

/** PostgreSQL only: a tus upload (photos/pg/pgUploadStore.ts), every process sees the same. */
export interface PhotoUploadsTable {
  id: string;
  size: number;
  received: number;
  /** tus metadata as JSON, written by the server at creation (missionId, hash, uploaderId…). */
  metadata: string;
  created_at: string;
  finished_at: string | null;
}

/** PostgreSQL only: the bytes of an unfinished upload, as they arrived, in order. */
export interface PhotoUploadChunksTable {
  upload_id: string;
  start_byte: number;
  data: Buffer;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  mission_members: MissionMembersTable;
  mission_departures: MissionDeparturesTable;
  records: RecordsTable;
  applied_mutations: AppliedMutationsTable;
  counters: CountersTable;
  photo_blobs: PhotoBlobsTable;
  photo_refs: PhotoRefsTable;
  photo_possessions: PhotoPossessionsTable;
  login_throttle: LoginThrottleTable;
  known_devices: KnownDevicesTable;
  photo_chunks: PhotoChunksTable;
  photo_uploads: PhotoUploadsTable;
  photo_upload_chunks: PhotoUploadChunksTable;
}
