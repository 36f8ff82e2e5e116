// The device's database (IndexedDB through Dexie). It keeps every mission the user works on, the
// photos as Blobs keyed by their SHA-256, and the sync outbox: the local copy is the truth until the
// server has acknowledged each change. One shared instance; only src/db/ writes to it.
import Dexie, { type EntityTable } from 'dexie';
import { DB_NAME } from '../shared/constants';
import type {
  ActionPoint,
  Commune,
  Conflict,
  Mission,
  Participant,
  Photo,
  ReportSettings,
  ReviewComment,
  SyncedTable,
  TdrRevision,
  VisitNote,
} from '../shared/model';

/**
 * A photo's bytes, stored once per content hash. `uploaded` is 1 once the server has confirmed it
 * holds them (a number, not a boolean, because IndexedDB cannot index booleans).
 */
export interface PhotoBlob {
  hash: string;
  blob: Blob;
  thumb: Blob;
  uploaded: 0 | 1;
}

/** One local change waiting for the server, written in the same transaction as the change itself. */
export interface OutboxEntry {
  mutationId: string;
  table: SyncedTable;
  recordId: string;
  missionId: string;
  op: 'put' | 'delete';
  /** The fields this change set, with their new values (for `delete`, empty). */
  changes: Record<string, unknown>;
  /** The server version of the record when the change was made (0 for a new record). */
  baseVersion: number;
  createdAt: string;
  /** Set when the server refused the change: it stays here, visible, with the reason. */
  rejected?: { code: string; message: string };
  /** Set when a person asked to send a refused change again: it is then sent alone (src/sync/squash.ts). */
  retried?: true;
}

export interface KeyValue {
  key: string;
  value: unknown;
}

// Dexie turns its debug mode on by itself when the page's address is localhost or 127.0.0.1: every
// query then records an async stack (console.createTask), which costs the first screen about
// 50 ms of main thread on a phone-speed CPU. Tests, benchmarks and Lighthouse run on 127.0.0.1 and
// would measure a slower app than the one deployed: debug only in development (Vite's dev server;
// Node scripts that use this schema run without Vite, so without import.meta.env).
Dexie.debug = import.meta.env?.DEV === true;

export class TerrainDB extends Dexie {
  missions!: EntityTable<Mission, 'id'>;
  tdrRevisions!: EntityTable<TdrRevision, 'id'>;
  participants!: EntityTable<Participant, 'id'>;
  communes!: EntityTable<Commune, 'id'>;
  visitNotes!: EntityTable<VisitNote, 'id'>;
  photos!: EntityTable<Photo, 'id'>;
  photoBlobs!: EntityTable<PhotoBlob, 'hash'>;
  actionPoints!: EntityTable<ActionPoint, 'id'>;
  reviewComments!: EntityTable<ReviewComment, 'id'>;
  reportSettings!: EntityTable<ReportSettings, 'id'>;
  conflicts!: EntityTable<Conflict, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'mutationId'>;
  syncState!: EntityTable<KeyValue, 'key'>;
  settings!: EntityTable<KeyValue, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      missions: 'id, updatedAt, status',
      tdrRevisions: 'id, missionId, [missionId+number]',
      participants: 'id, missionId, [missionId+order]',
      communes: 'id, missionId, [missionId+plannedDate]',
      visitNotes: 'id, missionId, communeId, state, updatedAt, [missionId+updatedAt]',
      photos: 'id, missionId, noteId, hash',
      photoBlobs: 'hash, uploaded',
      actionPoints: 'id, missionId, status, [missionId+number]',
      reviewComments: 'id, missionId, noteId',
      conflicts: 'id, missionId, [table+recordId]',
      outbox: 'mutationId, [table+recordId], missionId',
      syncState: 'key',
      settings: 'key',
    });
    // Version 2: the mission report's settings (one record per mission, id = the mission's id).
    this.version(2).stores({ reportSettings: 'id, missionId' });
  }
}

export const db = new TerrainDB();
