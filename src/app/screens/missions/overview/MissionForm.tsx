import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { emptyVehicleDraft, type MissionDraft, validateMission } from '../../../../db/repositories/missions';
import { MISSION_STATUSES } from '../../../../shared/model';
import { Field, inputProps } from '../form/Field';
import { FormFooter } from '../form/FormFooter';
import { draftResolver } from '../form/resolver';
import { submitWith } from '../form/saving';

const resolver = draftResolver<MissionDraft>(validateMission);

/** Creates or edits a mission: details and vehicles. `onSave` writes through the repository. */
export function MissionForm(props: {
  initial: MissionDraft;
  submitLabel: string;
  onSave: (draft: MissionDraft) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation('missions');
  const form = useForm<MissionDraft>({ defaultValues: props.initial, resolver });
  const { register, formState, control } = form;
  const { errors } = formState;
  const vehicles = useFieldArray({ control, name: 'vehicles', keyName: 'key' });

  return (
    <form className="card" noValidate onSubmit={submitWith(form, props.onSave)}>
      <Field id="mission-title" label={t('form.title')} error={errors.title}>
        <input {...inputProps('mission-title', errors.title)} {...register('title')} />
      </Field>
      <Field id="mission-project" label={t('form.project')} hint={t('form.projectHint')} error={errors.project}>
        <input {...inputProps('mission-project', errors.project)} {...register('project')} />
      </Field>
      <div className="field-pair">
        <Field id="mission-start" label={t('form.startDate')} error={errors.startDate}>
          <input type="date" {...inputProps('mission-start', errors.startDate)} {...register('startDate')} />
        </Field>
        <Field id="mission-end" label={t('form.endDate')} error={errors.endDate}>
          <input type="date" {...inputProps('mission-end', errors.endDate)} {...register('endDate')} />
        </Field>
      </div>
      <Field id="mission-status" label={t('form.status')}>
        <select id="mission-status" {...register('status')}>
          {MISSION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </Field>

      <h2>{t('form.vehicles')}</h2>
      {vehicles.fields.map((vehicle, i) => {
        const vehicleErrors = errors.vehicles?.[i];
        const id = (name: string) => `vehicle-${i}-${name}`;
        return (
          <fieldset key={vehicle.key} className="subform">
            <legend>{t('form.vehicle', { n: i + 1 })}</legend>
            <Field id={id('label')} label={t('form.vehicleLabel')} error={vehicleErrors?.label}>
              <input {...inputProps(id('label'), vehicleErrors?.label)} {...register(`vehicles.${i}.label`)} />
            </Field>
            <div className="field-pair">
              <Field id={id('driver')} label={t('form.driver')} error={vehicleErrors?.driver}>
                <input {...inputProps(id('driver'), vehicleErrors?.driver)} {...register(`vehicles.${i}.driver`)} />
              </Field>
              <Field id={id('seats')} label={t('form.seats')} error={vehicleErrors?.seats}>
                <input
                  inputMode="numeric"
                  {...inputProps(id('seats'), vehicleErrors?.seats)}
                  {...register(`vehicles.${i}.seats`)}
                />
              </Field>
            </div>
            <button type="button" className="button danger" onClick={() => vehicles.remove(i)}>
              {t('form.removeVehicle')}
            </button>
          </fieldset>
        );
      })}
      <div className="button-row">
        <button type="button" className="button" onClick={() => vehicles.append(emptyVehicleDraft())}>
          {t('form.addVehicle')}
        </button>
      </div>
      <hr className="separator" />
      <FormFooter
        errors={errors}
        submitLabel={props.submitLabel}
        submitting={formState.isSubmitting}
        onCancel={props.onCancel}
      />
    </form>
  );
}
