// "Nouvelle visite": pick a commune of the itinerary, or type one when the itinerary has none (or
// not this one); the draft note is created at once and opened.
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { createCommune, emptyCommuneDraft, useCommunes } from '../../../db/repositories/communes';
import { useMission } from '../../../db/repositories/missions';
import { createVisitNote } from '../../../db/repositories/visitNotes';
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
        <div className="field">
          <label htmlFor="new-visit-commune">{t('create.commune')}</label>
          <select
            id="new-visit-commune"
            aria-invalid={errors.communeId ? true : undefined}
            aria-describedby={errors.communeId ? 'new-visit-commune-error' : undefined}
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
          {errors.communeId && (
            <p id="new-visit-commune-error" className="field-error" role="alert">
              {errors.communeId.message}
            </p>
          )}
        </div>
      )}
      {typing && (
        <div className="field">
          <label htmlFor="new-visit-name">{t('create.newCommune')}</label>
          {communes.length === 0 && <p className="muted">{t('create.noCommuneHint')}</p>}
          <input
            id="new-visit-name"
            autoComplete="off"
            aria-invalid={errors.communeName ? true : undefined}
            aria-describedby={errors.communeName ? 'new-visit-name-error' : undefined}
            {...form.register('communeName', {
              validate: (v) =>
                !typing ||
                (v.trim() === '' ? t('create.nameRequired') : v.length > 200 ? t('create.nameTooLong') : true),
            })}
          />
          {errors.communeName && (
            <p id="new-visit-name-error" className="field-error" role="alert">
              {errors.communeName.message}
            </p>
          )}
        </div>
      )}
      {errors.root && (
        <p className="field-error" role="alert">
          {errors.root.message}
        </p>
      )}
      <button type="submit" className="button primary" disabled={isSubmitting}>
        {t('create.submit')}
      </button>
    </form>
  );
}
