// One conflict, its values side by side with who wrote each and when: a person keeps one, merges
// texts by hand, or keeps the items of both lists. The choice is written through the review
// repository and syncs to every device. Only values that fit the field are offered: a value an
// older server stored unchecked is shown, but keeping it would only be refused.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { resolveConflict } from '../../../db/repositories/review';
import type { Conflict } from '../../../shared/model';
import { AutoGrowTextarea } from '../../components/AutoGrowTextarea';
import { FormError } from '../../components/Field';
import { localDayTime } from '../../hooks/useSyncStatus';
import { ConflictValue } from './ConflictValue';
import { conflictSides, fitsField, mergeLists } from './conflictValues';
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
  const sides = conflictSides(conflict.values);
  const fits = (value: unknown) => fitsField(String(conflict.table), String(conflict.field), value);
  const keepable = sides.map((side) => fits(side.value));
  // Texts are merged by hand only where the field holds a text (one side at least fits it).
  const texts = sides.every((side) => typeof side.value === 'string') && keepable.some(Boolean);
  const merged = mergeLists(sides.map((side) => side.value));
  const bothLists = merged && fits(merged) ? merged : null;
  const form = useForm<{ merged: string }>({
    defaultValues: { merged: texts ? sides.map((side) => side.value).join('\n\n') : '' },
  });
  const titleId = `conflict-${conflict.id}`;
  const field = t(`conflicts.fields.${conflict.field}` as 'conflicts.fields.title', {
    defaultValue: String(conflict.field),
  });

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
        {sides.map((side, i) => {
          const by = side.by || t('conflicts.unknownAuthor');
          const when = side.at === null ? null : localDayTime(side.at);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the values of a conflict never move
            <section key={i} className="conflict-side" aria-label={t('conflicts.valueBy', { name: by })}>
              <p className="conflict-who">
                <strong>{by}</strong>
                <br />
                <span className="muted">
                  {when ? t('conflicts.writtenAt', { day: when.day, time: when.time }) : t('conflicts.unknownTime')}
                </span>
              </p>
              <ConflictValue
                table={String(conflict.table)}
                field={String(conflict.field)}
                value={side.value}
                missionId={String(conflict.missionId)}
              />
              {keepable[i] && (
                <button type="button" className="button" onClick={() => void settle(side.value)}>
                  {t('conflicts.keep')}
                </button>
              )}
            </section>
          );
        })}
      </div>
      {!keepable.some(Boolean) && !bothLists && <p className="muted">{t('conflicts.noneKeepable')}</p>}
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
