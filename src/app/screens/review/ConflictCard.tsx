// One conflict, its values side by side with who wrote each and when: a person keeps one, merges
// texts by hand, or keeps the items of both lists. The choice is written through the review
// repository and syncs to every device.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { resolveConflict } from '../../../db/repositories/review';
import type { Conflict } from '../../../shared/model';
import { AutoGrowTextarea } from '../../components/AutoGrowTextarea';
import { FormError } from '../../components/Field';
import { localDayTime } from '../../hooks/useSyncStatus';
import { ConflictValue } from './ConflictValue';
import { mergeLists } from './conflictValues';
import { reviewErrorMessage } from './reviewErrors';

export function ConflictCard({
  conflict,
  about,
  onSettled,
}: {
  conflict: Conflict;
  /** Which record this is about, when the page does not already say it. */
  about?: string;
  onSettled: () => void;
}) {
  const { t } = useTranslation('review');
  const [merging, setMerging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const texts = conflict.values.every((v) => typeof v.value === 'string');
  const bothLists = mergeLists(conflict.values.map((v) => v.value));
  const form = useForm<{ merged: string }>({
    defaultValues: { merged: conflict.values.map((v) => v.value).join('\n\n') },
  });
  const titleId = `conflict-${conflict.id}`;
  const field = t(`conflicts.fields.${conflict.field}` as 'conflicts.fields.title', { defaultValue: conflict.field });

  async function settle(value: unknown) {
    try {
      await resolveConflict(conflict.id, value);
      onSettled();
    } catch (e) {
      setError(reviewErrorMessage(e, t));
    }
  }

  return (
    <article className="card conflict-card" aria-labelledby={titleId}>
      <h4 id={titleId}>{t('conflicts.heading', { field })}</h4>
      {about && <p className="muted">{about}</p>}
      <p className="muted">{t('conflicts.intro')}</p>
      <div className="conflict-sides">
        {conflict.values.map((side, i) => {
          const when = localDayTime(side.at);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the values of a conflict never move
            <section key={i} className="conflict-side" aria-label={t('conflicts.valueBy', { name: side.by })}>
              <p className="conflict-who">
                <strong>{side.by}</strong>
                <br />
                <span className="muted">{t('conflicts.writtenAt', { day: when.day, time: when.time })}</span>
              </p>
              <ConflictValue
                table={conflict.table}
                field={conflict.field}
                value={side.value}
                missionId={conflict.missionId}
              />
              <button type="button" className="button" onClick={() => void settle(side.value)}>
                {t('conflicts.keep')}
              </button>
            </section>
          );
        })}
      </div>
      {bothLists && (
        <button type="button" className="button" onClick={() => void settle(bothLists)}>
          {t('conflicts.keepBoth')}
        </button>
      )}
      {texts && !merging && (
        <button type="button" className="button" onClick={() => setMerging(true)}>
          {t('conflicts.merge')}
        </button>
      )}
      {merging && (
        <form noValidate onSubmit={form.handleSubmit(({ merged }) => settle(merged))}>
          <div className="field">
            <label htmlFor={`${titleId}-merged`}>{t('conflicts.mergeLabel')}</label>
            <AutoGrowTextarea id={`${titleId}-merged`} {...form.register('merged')} />
          </div>
          <div className="button-row">
            <button type="submit" className="button primary" disabled={form.formState.isSubmitting}>
              {t('conflicts.saveMerge')}
            </button>
            <button type="button" className="button" onClick={() => setMerging(false)}>
              {t('conflicts.cancel')}
            </button>
          </div>
        </form>
      )}
      <FormError message={error} />
    </article>
  );
}
