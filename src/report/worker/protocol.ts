// Messages between a screen and the report worker. The Word and PDF builders run in a Worker
// because pdfmake lays a whole document out in one go: measured at 1.3 s without a break for 20
// communes and 100 photos (`npm run bench`), which would freeze the page on a phone.

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
