import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type CommuneDraft, validateCommune } from '../../../../db/repositories/communes';
import { cerclesOf, MALI_REGIONS } from '../../../../shared/mali/regions';
import type { Mission } from '../../../../shared/model';
import { formatDay } from '../../../format';
import { Field, inputProps } from '../form/Field';
import { draftResolver } from '../form/resolver';
import { RecordForm, type RecordFormProps } from '../records/RecordForm';

/** The list's choices, plus a value saved earlier that is not in it (so it is never lost). */
const withCurrent = (choices: readonly string[], current: string) =>
  current && !choices.includes(current) ? [current, ...choices] : choices;

export function CommuneForm({ mission, ...props }: RecordFormProps<CommuneDraft> & { mission: Mission }) {
  const { t } = useTranslation('communes');
  const form = useForm<CommuneDraft>({
    defaultValues: props.initial,
    resolver: draftResolver<CommuneDraft>((draft) => validateCommune(draft, mission)),
  });
  const { register, formState, control } = form;
  const { errors } = formState;
  const region = useWatch({ control, name: 'region' });
  const cercles = withCurrent(cerclesOf(region), props.initial.region === region ? props.initial.cercle : '');
  const regions = withCurrent(
    MALI_REGIONS.map((r) => r.name),
    props.initial.region,
  );

  return (
    <RecordForm form={form} {...props}>
      <Field id="commune-name" label={t('columns.name')} hint={t('form.nameHint')} error={errors.name}>
        <input {...inputProps('commune-name', errors.name)} {...register('name')} />
      </Field>
      <Field id="commune-region" label={t('columns.region')} error={errors.region}>
        <select
          {...inputProps('commune-region', errors.region)}
          {...register('region', { onChange: () => form.setValue('cercle', '') })}
        >
          <option value="">{t('form.regionNone')}</option>
          {regions.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </Field>
      <Field id="commune-cercle" label={t('columns.cercle')} error={errors.cercle}>
        <select {...inputProps('commune-cercle', errors.cercle)} {...register('cercle')}>
          <option value="">{region ? t('form.cercleNone') : t('form.cercleNeedsRegion')}</option>
          {cercles.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </Field>
      <Field
        id="commune-date"
        label={t('columns.plannedDate')}
        hint={t('form.dateHint', { start: formatDay(mission.startDate), end: formatDay(mission.endDate) })}
        error={errors.plannedDate}
      >
        <input
          type="date"
          min={mission.startDate}
          max={mission.endDate}
          {...inputProps('commune-date', errors.plannedDate)}
          {...register('plannedDate')}
        />
      </Field>
      <p className="muted">{t('form.positionHint')}</p>
      <div className="field-pair">
        <Field id="commune-lat" label={t('columns.lat')} error={errors.lat}>
          <input inputMode="decimal" {...inputProps('commune-lat', errors.lat)} {...register('lat')} />
        </Field>
        <Field id="commune-lon" label={t('columns.lon')} error={errors.lon}>
          <input inputMode="decimal" {...inputProps('commune-lon', errors.lon)} {...register('lon')} />
        </Field>
      </div>
    </RecordForm>
  );
}
