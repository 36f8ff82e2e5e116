// The two things the sync engine talks to, as small interfaces: the device's storage (Dexie in the
// app, src/db/repositories/sync.ts) and the server (HTTP, src/sync/api.ts). Tests hand in their own.
import type { OutboxEntry } from '../db/schema';
import type {
  MutationResult,
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
  ServerRecord,
  Session,
} from '../shared/protocol';

/** What the server answered for the rows of one squashed mutation. */
export interface PushOutcome {
  rowIds: string[];
  result: MutationResult;
}

export interface StoredSession extends Session {
  /** Set when the server said the session is no longer valid: sync stops until a new login. */
  expired?: boolean;
}

/**
 * A photo whose bytes the device holds but the server has not confirmed yet, for one mission: the
 * server holds a photo per mission (a photo used in two missions is confirmed by each).
 */
export interface PendingPhoto {
  hash: string;
  missionId: string;
}

export interface SyncStore {
  clientId(): Promise<string>;
  readSession(): Promise<StoredSession | null>;
  saveSession(session: Session): Promise<void>;
  markSessionExpired(): Promise<void>;
  clearSession(): Promise<void>;

  /** Every outbox row, refused ones included, in the order the changes were made. */
  readOutbox(): Promise<OutboxEntry[]>;
  /** One transaction: acknowledged rows go, their server records are stored, refused rows are flagged. */
  applyPushOutcomes(outcomes: PushOutcome[]): Promise<void>;

  readCursors(): Promise<Record<string, number>>;
  /** One transaction: the page's records and the new cursors, or neither. */
  applyPullPage(changes: ServerRecord[], cursors: Record<string, number>): Promise<void>;

  /** Every (hash, mission) of a photo whose bytes are not yet confirmed by the server. */
  pendingPhotoUploads(): Promise<PendingPhoto[]>;
  readPhotoBlob(hash: string): Promise<Blob | null>;
  /** The server confirmed the photo for every mission that uses it: it counts as sent. */
  markPhotoUploaded(hash: string): Promise<void>;
  /** The tus address of the upload of this photo for this mission, kept to resume after a cut. */
  readUploadUrl(photo: PendingPhoto): Promise<string | null>;
  saveUploadUrl(photo: PendingPhoto, url: string | null): Promise<void>;
  /** Hashes of photo records (not deleted) whose bytes are not on the device. */
  photosWithoutBlob(): Promise<string[]>;
  storeDownloadedPhoto(hash: string, blob: Blob, thumb: Blob): Promise<void>;

  photosOnCheapNetworkOnly(): Promise<boolean>;
  setLastSyncAt(iso: string): Promise<void>;
}

/** The bytes of one photo received so far, in order: a cut download resumes after them. */
export interface PartialDownload {
  chunks: Uint8Array[];
  received: number;
}

export interface SyncApi {
  push(request: PushRequest): Promise<PushResponse>;
  pull(request: PullRequest): Promise<PullResponse>;
  missingPhotos(missionId: string, hashes: string[]): Promise<string[]>;
  /**
   * Fetches a photo's bytes after those already in `partial` (all of them when it is empty),
   * appending to it as they arrive, so a cut leaves every byte received there for the next try.
   * Returns the whole photo (not yet checked against its hash).
   */
  downloadPhoto(hash: string, partial: PartialDownload): Promise<Blob>;
}

/**
 * What a sync run needs from the context it runs in — a page, a worker or the service worker —
 * so the engine itself touches no `window`, `document` or `navigator` (src/sync/contextPorts.ts
 * gives the web platform's, the same in each of them).
 */
export interface SyncContextPorts {
  /** Runs `task` while no other page or service worker of this app syncs (they queue). */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /** True when the link is metered (cellular, data saver). */
  isMetered(): boolean;
  makeThumbnail(photo: Blob): Promise<Blob>;
}
