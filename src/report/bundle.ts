// What the report, spreadsheet and archive builders read: one mission's records, already loaded,
// with photo bytes fetched on demand (a report may hold a hundred photos; they are read one at a
// time). Builders are pure: they take a bundle and options and return bytes.

import type {
  ActionPoint,
  Commune,
  Mission,
  NoteState,
  Participant,
  Photo,
  ReviewComment,
  TdrRevision,
  VisitNote,
} from '../shared/model';
import type { Rasterizer } from './graphics/rasterize';
import type { ReportTexts } from './settings';

export interface MissionBundle {
  mission: Mission;
  /** The latest revision of the terms of reference, or null when none was written. */
  tdr: TdrRevision | null;
  participants: Participant[];
  communes: Commune[];
  notes: VisitNote[];
  photos: Photo[];
  actionPoints: ActionPoint[];
  /** The review history of the notes: who validated a note, and when. */
  reviewComments: ReviewComment[];
  /** What the user set for this mission's report; null until they set anything. */
  settings: ReportTexts | null;
  /** The bytes of a photo, by content hash; rejects when the device does not hold them. */
  photoBytes: (hash: string) => Promise<Uint8Array>;
}

/**
 * The same bundle in a form that can be posted to a Worker: the photos as Blobs (for files stored
 * in IndexedDB these are handles, not copies) instead of a function.
 */
export interface MissionBundleData extends Omit<MissionBundle, 'photoBytes'> {
  photoBlobs: Map<string, Blob>;
}

export function bundleFromData(data: MissionBundleData): MissionBundle {
  const { photoBlobs, ...records } = data;
  return {
    ...records,
    photoBytes: async (hash) => {
      const blob = photoBlobs.get(hash);
      if (!blob) throw new Error(`photo-missing:${hash}`);
      return new Uint8Array(await blob.arrayBuffer());
    },
  };
}

/** Called as the work advances: `done` of `total` steps (communes, photos, packing). */
export type ProgressListener = (done: number, total: number) => void;

export interface BuildOptions {
  /** Which visit notes go into the report; validated notes only unless the user chooses more. */
  noteStates?: readonly NoteState[];
  onProgress?: ProgressListener;
  /** Draws the figures as PNG for the Word report; OffscreenCanvas by default (graphics/rasterize.ts). */
  rasterize?: Rasterizer;
}

export const DEFAULT_NOTE_STATES: readonly NoteState[] = ['validee'];

/** Lets the browser paint and handle input between two pieces of work (a macrotask, not a microtask). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
