// Messages between a screen and the report worker. The Word and PDF builders run in a Worker:
// even though they yield between communes and photos, pdfmake lays the document out and writes it
// in long uninterrupted blocks (40 ms to 1.3 s for 20 communes and 100 photos on the shared build
// machine, `npm run bench`; several times that on a phone), and the Worker's memory (a hundred
// photos) is given back as soon as it ends.

import type { NoteState } from '../../shared/model';
import type { MissionBundleData } from '../bundle';

export type ReportKind = 'docx' | 'pdf';

export interface ReportRequest {
  kind: ReportKind;
  data: MissionBundleData;
  noteStates: NoteState[];
}

export type ReportMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; bytes: Uint8Array }
  | { type: 'failed'; message: string };
