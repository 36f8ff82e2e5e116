// Why a review action failed, in words: the repository's named refusals, a full disk, or the rest.
import type { TFunction } from 'i18next';
import { isQuotaError } from '../../../db/errors';
import { ReviewError } from '../../../db/repositories/review';

export function reviewErrorMessage(error: unknown, t: TFunction<'review'>): string {
  if (error instanceof ReviewError) return t(`errors.${error.code}`);
  if (isQuotaError(error)) return t('errors.quota', { ns: 'common' });
  return t('errors.unexpected');
}
