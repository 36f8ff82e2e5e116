// Why a save failed, in words the member understands (the storage-full case above all).
import type { TFunction } from 'i18next';
import { isQuotaError, NoteReadOnlyError } from '../../../db/errors';

export function saveErrorMessage(error: unknown, t: TFunction<['visits', 'common']>): string {
  if (isQuotaError(error)) return t('errors.quota', { ns: 'common' });
  if (error instanceof NoteReadOnlyError) return t('autosave.readOnly', { ns: 'visits' });
  return t('autosave.failed', { ns: 'visits' });
}
