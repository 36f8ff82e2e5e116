import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type ParticipantDraft, validateParticipant } from '../../../../db/repositories/participants';
import { PARTICIPANT_ROLES } from '../../../../shared/model';
import { CodeOptions } from '../form/CodeOptions';
import { Field, inputProps } from '../form/Field';
import { draftResolver } from '../form/resolver';
import { RecordForm, type RecordFormProps } from '../records/RecordForm';

/** The draft plus its N° in the list (only offered when editing: new people go to the end). */
export type ParticipantFormValues = ParticipantDraft & { position: string };

const resolver = draftResolver<ParticipantFormValues>(validateParticipant);

export function ParticipantForm({
  positions,
  ...props
}: RecordFormProps<ParticipantFormValues> & { positions: number }) {
  const { t } = useTranslation('participants');
  const form = useForm<ParticipantFormValues>({ defaultValues: props.initial, resolver });
  const { register, formState } = form;
  const { errors } = formState;
  const text = (name: 'fullName' | 'function' | 'organisation' | 'email', type = 'text') => (
    <Field id={`participant-${name}`} label={t(`columns.${name}`)} error={errors[name]}>
      <input type={type} {...inputProps(`participant-${name}`, errors[name])} {...register(name)} />
    </Field>
  );

  return (
    <RecordForm form={form} {...props}>
      {text('fullName')}
      {text('function')}
      {text('organisation')}
      <Field id="participant-phone" label={t('columns.phone')} hint={t('form.phoneHint')} error={errors.phone}>
        <input type="tel" {...inputProps('participant-phone', errors.phone)} {...register('phone')} />
      </Field>
      {text('email', 'email')}
      <div className="field-pair">
        <Field id="participant-role" label={t('columns.role')}>
          <select id="participant-role" {...register('role')}>
            <CodeOptions codes={PARTICIPANT_ROLES} label={(role) => t(`roles.${role}`)} />
          </select>
        </Field>
        {positions > 1 && (
          <Field id="participant-position" label={t('form.position')}>
            <select id="participant-position" {...register('position')}>
              {Array.from({ length: positions }, (_, i) => String(i + 1)).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
    </RecordForm>
  );
}
