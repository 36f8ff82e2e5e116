import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type ActionPointDraft, validateActionPoint } from '../../../../db/repositories/actionPoints';
import { useParticipants } from '../../../../db/repositories/participants';
import { ACTION_STATUSES } from '../../../../shared/model';
import { CodeOptions } from '../form/CodeOptions';
import { Field, inputProps } from '../form/Field';
import { draftResolver } from '../form/resolver';
import { RecordForm, type RecordFormProps } from '../records/RecordForm';

const resolver = draftResolver<ActionPointDraft>(validateActionPoint);

export function ActionPointForm({ missionId, ...props }: RecordFormProps<ActionPointDraft> & { missionId: string }) {
  const { t } = useTranslation('actions');
  const form = useForm<ActionPointDraft>({ defaultValues: props.initial, resolver });
  const { register, formState } = form;
  const { errors } = formState;
  // The mission's participants are suggested as the person responsible; anything else may be typed.
  const people = useParticipants(missionId) ?? [];
  const area = (name: 'point' | 'action' | 'comments', rows: number) => (
    <Field id={`action-${name}`} label={t(`columns.${name}`)} error={errors[name]}>
      <textarea rows={rows} {...inputProps(`action-${name}`, errors[name])} {...register(name)} />
    </Field>
  );

  return (
    <RecordForm form={form} {...props}>
      {area('point', 2)}
      {area('action', 3)}
      <Field
        id="action-responsible"
        label={t('columns.responsible')}
        hint={t('form.responsibleHint')}
        error={errors.responsible}
      >
        <input
          list="action-people"
          {...inputProps('action-responsible', errors.responsible)}
          {...register('responsible')}
        />
        <datalist id="action-people">
          {people.map((p) => (
            <option key={p.id} value={p.fullName} />
          ))}
        </datalist>
      </Field>
      {area('comments', 2)}
      <div className="field-pair">
        <Field id="action-due" label={t('columns.dueDate')} error={errors.dueDate}>
          <input type="date" {...inputProps('action-due', errors.dueDate)} {...register('dueDate')} />
        </Field>
        <Field id="action-status" label={t('columns.status')}>
          <select id="action-status" {...register('status')}>
            <CodeOptions codes={ACTION_STATUSES} label={(status) => t(`statuses.${status}`)} />
          </select>
        </Field>
      </div>
    </RecordForm>
  );
}
