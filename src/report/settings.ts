// What the person who files the report decides for it (the mission's report settings): title page
// lines, the synthèse and conclusion they write, who signs, the annexes and which parts are left out.
// Until a mission has settings, the report uses DEFAULT_REPORT_SETTINGS: every part, no free text.

import type { ReportPart } from '../shared/model';

export { REPORT_PARTS, type ReportPart } from '../shared/model';

export interface Signatory {
  name: string;
  function: string;
}

export interface ReportTexts {
  /** Lines printed at the top of the title page ("RÉPUBLIQUE DU MALI", the ministry…), one per line. */
  letterhead: string;
  /** A line under the mission title on the title page. */
  subtitle: string;
  synthesis: string;
  conclusion: string;
  /** The annexes, one per line. */
  annexes: string;
  /** Where the report is signed ("Fait à Bamako, le …"); the day is the day it is generated. */
  signedAt: string;
  signatories: Signatory[];
  /** Parts left out; a part added later is in by default. */
  excludedParts: ReportPart[];
  /** Up to three logos, by photo-like content hash. */
  logoHashes: string[];
}

export const DEFAULT_REPORT_SETTINGS: ReportTexts = {
  letterhead: '',
  subtitle: '',
  synthesis: '',
  conclusion: '',
  annexes: '',
  signedAt: '',
  signatories: [],
  excludedParts: [],
  logoHashes: [],
};
