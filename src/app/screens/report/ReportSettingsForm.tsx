// The report's settings for this mission, typed on the phone: title page lines, synthèse,
// conclusion, annexes, who signs and which parts the documents include. Saved as one synced record
// (db/repositories/reportSettings.ts), so every member's report says the same.
import { useEffect, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  checkReportSettings,
  EMPTY_REPORT_SETTINGS,
  type ReportSettingsDraft,
  saveReportSettings,
  useReportSettings,
} from '../../../db/repositories/reportSettings';
import { LIST_MAX } from '../../../shared/fieldLimits';
import { REPORT_PARTS, type ReportPart, type ReportSettings } from '../../../shared/model';
import { Field, inputProps } from '../missions/form/Field';
import { FormFooter } from '../missions/form/FormFooter';
import { draftResolver } from '../missions/form/resolver';
import { submitWith } from '../missions/form/saving';
import { ReportLogos } from './ReportLogos';

interface SettingsValues extends Omit<ReportSettingsDraft, 'excludedParts'> {
  /** Checked parts (the record keeps the ones left out, so a new part is included by default). */
  includedParts: ReportPart[];
}

const toDraft = ({ includedParts, ...values }: SettingsValues): ReportSettingsDraft => ({
  ...values,
  excludedParts: REPORT_PARTS.filter((p) => !includedParts.includes(p)),
});

function toValues(settings: ReportSettings | null): SettingsValues {
  const { excludedParts, ...texts } = settings ?? { ...EMPTY_REPORT_SETTINGS };
  const draft = { ...EMPTY_REPORT_SETTINGS, ...texts };
  return {
    letterhead: draft.letterhead,
    subtitle: draft.subtitle,
    synthesis: draft.synthesis,
    conclusion: draft.conclusion,
    annexes: draft.annexes,
    signedAt: draft.signedAt,
    signatories: draft.signatories.map((s) => ({ ...s })),
    includedParts: REPORT_PARTS.filter((p) => !excludedParts.includes(p)),
  };
}

const resolver = draftResolver<SettingsValues>((values) => checkReportSettings(toDraft(values)));

export function ReportSettingsCard({ missionId }: { missionId: string }) {
  const settings = useReportSettings(missionId);
  const { t } = useTranslation('report');
  if (settings === undefined) return null;
  // Folded: the tab stays short on a phone until someone writes the report's texts.
  return (
    <details className="card report-settings">
      <summary>{t('settings.title')}</summary>
      <ReportLogos missionId={missionId} />
      <ReportSettingsForm missionId={missionId} settings={settings} />
    </details>
  );
}

function ReportSettingsForm({ missionId, settings }: { missionId: string; settings: ReportSettings | null }) {
  const { t } = useTranslation(['report', 'common']);
  const form = useForm<SettingsValues>({ defaultValues: toValues(settings), resolver });
  const { register, formState, control } = form;
  const { errors } = formState;
  const signatories = useFieldArray({ control, name: 'signatories' });
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (formState.isDirty) setSaved(false);
  }, [formState.isDirty]);
  // A change synced from another member shows up in the form, unless the person is typing.
  const version = settings?.updatedAt;
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the record's version only
  useEffect(() => {
    if (!form.formState.isDirty) form.reset(toValues(settings));
  }, [version]);

  const area = (name: 'letterhead' | 'synthesis' | 'conclusion' | 'annexes', rows: number) => (
    <Field
      id={`report-${name}`}
      label={t(`settings.${name}`)}
      hint={t(`settings.${name}Hint`, { defaultValue: '' }) || undefined}
      error={errors[name]}
    >
      <textarea rows={rows} {...inputProps(`report-${name}`, errors[name])} {...register(name)} />
    </Field>
  );
  const line = (name: 'subtitle' | 'signedAt') => (
    <Field id={`report-${name}`} label={t(`settings.${name}`)} error={errors[name]}>
      <input {...inputProps(`report-${name}`, errors[name])} {...register(name)} />
    </Field>
  );

  return (
    <form
      aria-label={t('settings.title')}
      noValidate
      onSubmit={submitWith(form, async (values) => {
        await saveReportSettings(missionId, toDraft(values));
        // What was saved is the form's new starting point (no longer "being typed").
        form.reset(values);
        setSaved(true);
      })}
    >
      <p className="muted">{t('settings.hint')}</p>
      {area('letterhead', 3)}
      {line('subtitle')}
      {area('synthesis', 5)}
      {area('conclusion', 4)}
      {area('annexes', 3)}
      <fieldset className="field plain">
        <legend className="field-label">{t('settings.signatories')}</legend>
        {line('signedAt')}
        {signatories.fields.map((item, index) => (
          <div key={item.id} className="field-pair">
            <Field
              id={`report-signatory-${index}-name`}
              label={t('settings.signatoryName', { n: index + 1 })}
              error={errors.signatories?.[index]?.name}
            >
              <input
                {...inputProps(`report-signatory-${index}-name`, errors.signatories?.[index]?.name)}
                {...register(`signatories.${index}.name`)}
              />
            </Field>
            <Field
              id={`report-signatory-${index}-function`}
              label={t('settings.signatoryFunction', { n: index + 1 })}
              error={errors.signatories?.[index]?.function}
            >
              <input
                {...inputProps(`report-signatory-${index}-function`, errors.signatories?.[index]?.function)}
                {...register(`signatories.${index}.function`)}
              />
            </Field>
            <button type="button" className="button" onClick={() => signatories.remove(index)}>
              {t('settings.removeSignatory', { n: index + 1 })}
            </button>
          </div>
        ))}
        {signatories.fields.length < LIST_MAX.signatories && (
          <button type="button" className="button" onClick={() => signatories.append({ name: '', function: '' })}>
            {t('settings.addSignatory')}
          </button>
        )}
      </fieldset>
      <fieldset className="field plain">
        <legend className="field-label">{t('settings.parts')}</legend>
        <div className="check-list">
          {REPORT_PARTS.map((part) => (
            <label key={part} className="check">
              <input type="checkbox" value={part} {...register('includedParts')} />
              {t(`settings.partNames.${part}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <FormFooter errors={errors} submitLabel={t('settings.save')} submitting={formState.isSubmitting} />
      {saved && !formState.isDirty && (
        <p role="status" className="muted">
          {t('settings.saved')}
        </p>
      )}
    </form>
  );
}
