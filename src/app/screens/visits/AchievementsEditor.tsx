// The achievements of the project seen in the commune, one small card per line (comfortable to
// type on a phone), then the budget summary table with totals. Amounts are typed as text and
// checked as they are typed; a wrong amount is shown with its error and kept, never erased.
import { type UseFormReturn, useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { executionRate, formatRate } from '../../../shared/budget';
import { ACHIEVEMENT_STATES } from '../../../shared/model';
import { groupDigits, parseFcfa } from '../../../shared/money';
import { AutoGrowTextarea } from '../../components/AutoGrowTextarea';
import { AchievementsSummary } from './AchievementsSummary';
import { emptyAchievementLine, type NoteFormValues } from './noteForm';

const amountOrNull = (text: string | undefined) => {
  const parsed = parseFcfa(text ?? '');
  return parsed.ok ? parsed.value : null;
};

export function AchievementsEditor({ form }: { form: UseFormReturn<NoteFormValues> }) {
  const { t } = useTranslation('visits');
  const { control, register, formState, setValue } = form;
  // keyName: our lines already have an `id` (kept in the record), the field array needs its own key.
  const { fields, append, remove } = useFieldArray({ control, name: 'achievements', keyName: 'key' });
  const lines = useWatch({ control, name: 'achievements' });

  const amountField = (index: number, which: 'planned' | 'spent') => {
    const name = `achievements.${index}.${which}` as const;
    const id = `achievement-${index}-${which}`;
    const error = formState.errors.achievements?.[index]?.[which]?.message;
    return (
      <div className="field">
        <label htmlFor={id}>{t(`achievements.${which}`)}</label>
        <input
          id={id}
          inputMode="numeric"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          {...register(name, {
            validate: (value) => {
              const parsed = parseFcfa(value);
              return parsed.ok || t(`achievements.errors.${parsed.error}`);
            },
            onBlur: (event) => {
              const parsed = parseFcfa(event.target.value);
              if (parsed.ok && parsed.value != null && event.target.value !== groupDigits(parsed.value))
                setValue(name, groupDigits(parsed.value), { shouldValidate: true });
            },
          })}
        />
        {error && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <section className="achievements" aria-labelledby="achievements-title">
      <h3 id="achievements-title">{t('achievements.title')}</h3>
      {fields.length === 0 && <p className="empty">{t('achievements.empty')}</p>}
      <ol className="achievement-list">
        {fields.map((field, index) => {
          const n = index + 1;
          const line = lines?.[index];
          const rate = executionRate(amountOrNull(line?.planned), amountOrNull(line?.spent));
          return (
            <li key={field.key}>
              <fieldset className="achievement card">
                <legend>{t('achievements.line', { n })}</legend>
                <div className="field">
                  <label htmlFor={`achievement-${index}-activity`}>{t('achievements.activity')}</label>
                  <AutoGrowTextarea
                    id={`achievement-${index}-activity`}
                    rows={2}
                    className="short"
                    {...register(`achievements.${index}.activity`)}
                  />
                </div>
                <div className="amount-pair">
                  {amountField(index, 'planned')}
                  {amountField(index, 'spent')}
                </div>
                <div className="amount-pair">
                  <div className="field">
                    <label htmlFor={`achievement-${index}-state`}>{t('achievements.state')}</label>
                    <select id={`achievement-${index}-state`} {...register(`achievements.${index}.state`)}>
                      {ACHIEVEMENT_STATES.map((state) => (
                        <option key={state} value={state}>
                          {t(`achievements.states.${state}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <span className="field-label" id={`achievement-${index}-rate-label`}>
                      {t('achievements.rate')}
                    </span>
                    <output className="rate" aria-labelledby={`achievement-${index}-rate-label`}>
                      {formatRate(rate)}
                    </output>
                  </div>
                </div>
                <button
                  type="button"
                  className="button danger"
                  onClick={() => {
                    if (window.confirm(t('achievements.removeConfirm', { n }))) remove(index);
                  }}
                >
                  {t('achievements.remove', { n })}
                </button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button" onClick={() => append(emptyAchievementLine())}>
        {t('achievements.add')}
      </button>
      <AchievementsSummary lines={lines ?? []} />
    </section>
  );
}
