// "Nouvelle visite": pick a commune of the itinerary, or type one when the itinerary has none (or
// not this one); the draft note is created at once and opened.
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { createCommune, emptyCommuneDraft, useCommunes } from '../../../db/repositories/communes';
import { useMission } from '../../../db/repositories/missions';
import { createVisitNote } from '../../../db/repositories/visitNotes';
import { TEXT_MAX } from '../../../shared/fieldLimits';
import { Field, FormError, inputProps } from '../../components/Field';
import { saveErrorMessage } from './saveErrors';

const OTHER = '__other__';

interface Values {
  communeId: string;
  communeName: string;
}

export function NewVisitForm({ missionId }: { missionId: string }) {
  const { t } = useTranslation(['visits', 'common']);
  const [, navigate] = useLocation();
  const mission = useMission(missionId);
  const communes = useCommunes(missionId);
  const form = useForm<Values>({ defaultValues: { communeId: '', communeName: '' } });
  const { errors, isSubmitting } = form.formState;
  if (!mission || communes === undefined) return null;
  const typing = communes.length === 0 || form.watch('communeId') === OTHER;

  const onSubmit = form.handleSubmit(async ({ communeId, communeName }) => {
    try {
      const id = typing ? (await createCommune(mission, { ...emptyCommuneDraft(), name: communeName })).id : communeId;
      const note = await createVisitNote(missionId, id);
      navigate(`/${note.id}`);
    } catch (error) {
      form.setError('root', { message: saveErrorMessage(error, t) });
    }
  });

  return (
    <form className="card" noValidate onSubmit={onSubmit} aria-labelledby="new-visit-title">
      <h2 id="new-visit-title">{t('create.title')}</h2>
      {communes.length > 0 && (
        <Field id="new-visit-commune" label={t('create.commune')} error={errors.communeId?.message}>
          <select
            {...inputProps('new-visit-commune', errors.communeId?.message)}
            {...form.register('communeId', { validate: (v) => typing || v !== '' || t('create.communeRequired') })}
          >
            <option value="">{t('create.choose')}</option>
            {communes.map((commune) => (
              <option key={commune.id} value={commune.id}>
                {commune.name}
              </option>
            ))}
            <option value={OTHER}>{t('create.other')}</option>
          </select>
        </Field>
      )}
      {typing && (
        <Field
          id="new-visit-name"
          label={t('create.newCommune')}
          hint={communes.length === 0 ? t('create.noCommuneHint') : undefined}
          error={errors.communeName?.message}
        >
          <input
            autoComplete="off"
            {...inputProps('new-visit-name', errors.communeName?.message)}
            {...form.register('communeName', {
              validate: (v) =>
                !typing ||
                (v.trim() === ''
                  ? t('create.nameRequired')
                  : v.length > TEXT_MAX.communeName
                    ? t('create.nameTooLong')
                    : true),
            })}
          />
        </Field>
      )}
      <FormError message={errors.root?.message} />
      <button type="submit" className="button primary" disabled={isSubmitting}>
        {t('create.submit')}
      </button>
    </form>
  );
}
