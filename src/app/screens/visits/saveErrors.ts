// Why a save failed, in words the member understands (the storage-full case above all).
import type { TFunction } from 'i18next';
import { isQuotaError } from '../../../db/repositories/storage';

export function saveErrorMessage(error: unknown, t: TFunction<['visits', 'common']>): string {
  if (isQuotaError(error)) return t('errors.quota', { ns: 'common' });
  if (error instanceof Error && error.message === 'note-read-only') return t('autosave.readOnly', { ns: 'visits' });
  return t('autosave.failed', { ns: 'visits' });
}
