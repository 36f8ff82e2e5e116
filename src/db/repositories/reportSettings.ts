// The mission report's settings (title page lines, synthèse, conclusion, annexes, signatories, parts
// left out): one synced record per mission whose id is the mission's id, written through the
// mutation layer like every record, so it waits in the outbox and reaches the other members.
import { useLiveQuery } from 'dexie-react-hooks';
import { LIST_MAX, TEXT_MAX } from '../../shared/fieldLimits';
import type { ReportSettings } from '../../shared/model';
import { insertRecord, newRecordBase, updateRecord } from '../mutations';
import { db } from '../schema';
import { checkText, type FieldErrors, ValidationError } from './missions';

export type ReportSettingsDraft = Pick<
  ReportSettings,
  'letterhead' | 'subtitle' | 'synthesis' | 'conclusion' | 'annexes' | 'signedAt' | 'signatories' | 'excludedParts'
>;

export const EMPTY_REPORT_SETTINGS: ReportSettingsDraft = {
  letterhead: '',
  subtitle: '',
  synthesis: '',
  conclusion: '',
  annexes: '',
  signedAt: '',
  signatories: [],
  excludedParts: [],
};

export async function getReportSettings(missionId: string): Promise<ReportSettings | null> {
  const found = await db.reportSettings.get(missionId);
  return found && !found.deletedAt ? found : null;
}

/** The mission's settings: undefined while loading, null while none were saved. */
export function useReportSettings(missionId: string): ReportSettings | null | undefined {
  return useLiveQuery(() => getReportSettings(missionId), [missionId]);
}

export function checkReportSettings(draft: ReportSettingsDraft): FieldErrors {
  const errors: FieldErrors = {};
  checkText(errors, 'letterhead', draft.letterhead, TEXT_MAX.reportLetterhead);
  checkText(errors, 'subtitle', draft.subtitle, TEXT_MAX.reportSubtitle);
  checkText(errors, 'synthesis', draft.synthesis, TEXT_MAX.reportText);
  checkText(errors, 'conclusion', draft.conclusion, TEXT_MAX.reportText);
  checkText(errors, 'annexes', draft.annexes, TEXT_MAX.reportAnnexes);
  checkText(errors, 'signedAt', draft.signedAt, TEXT_MAX.reportSignedAt);
  if (draft.signatories.length > LIST_MAX.signatories) errors.signatories = 'too-long';
  draft.signatories.forEach((s, i) => {
    checkText(errors, `signatories.${i}.name`, s.name, TEXT_MAX.signatoryName);
    checkText(errors, `signatories.${i}.function`, s.function, TEXT_MAX.signatoryFunction);
  });
  return errors;
}

/** Saves the settings: creates the mission's record the first time, then changes only what changed. */
export async function saveReportSettings(missionId: string, draft: ReportSettingsDraft): Promise<void> {
  const errors = checkReportSettings(draft);
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const fields: ReportSettingsDraft = {
    ...draft,
    signatories: draft.signatories
      .map((s) => ({ name: s.name.trim(), function: s.function.trim() }))
      .filter((s) => s.name || s.function),
  };
  await db.transaction('rw', db.reportSettings, db.outbox, async () => {
    const current = await db.reportSettings.get(missionId);
    if (current) await updateRecord('reportSettings', missionId, fields);
    else await insertRecord('reportSettings', { ...newRecordBase(missionId), id: missionId, ...fields });
  });
}
