import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import {
  createTdrRevision,
  emptySections,
  type TdrDraft,
  useTdrRevisions,
  useWho,
  validateTdr,
} from '../../../../db/repositories/tdr';
import { TDR_SECTIONS, type TdrRevision } from '../../../../shared/model';
import { AutoGrowTextarea } from '../../../components/AutoGrowTextarea';
import { Loading } from '../../../components/Loading';
import { Field, inputProps } from '../form/Field';
import { FormFooter } from '../form/FormFooter';
import { draftResolver } from '../form/resolver';
import { submitWith } from '../form/saving';

/** Writes the next revision, starting from the latest one. */
export function TdrEdit({ missionId }: { missionId: string }) {
  const revisions = useTdrRevisions(missionId);
  const who = useWho();
  if (!revisions || who === undefined) return <Loading />;
  return <TdrForm missionId={missionId} previous={revisions[0] ?? null} who={who} />;
}

function TdrForm({ missionId, previous, who }: { missionId: string; previous: TdrRevision | null; who: string }) {
  const { t } = useTranslation('tdr');
  const [, navigate] = useLocation();
  const form = useForm<TdrDraft>({
    defaultValues: { authorName: who, sections: previous ? { ...previous.sections } : emptySections() },
    resolver: draftResolver<TdrDraft>((draft) => validateTdr(draft, previous)),
  });
  const { errors } = form.formState;

  return (
    <form
      className="card"
      noValidate
      onSubmit={submitWith(form, async (draft) => {
        await createTdrRevision(missionId, draft, previous);
        navigate('/');
      })}
    >
      <h2>{previous ? t('newRevision', { number: previous.number + 1 }) : t('firstRevision')}</h2>
      <p className="muted">{t('revisionHint')}</p>
      {TDR_SECTIONS.map((section) => {
        const id = `tdr-edit-${section}`;
        const error = errors.sections?.[section];
        return (
          <Field key={section} id={id} label={t(`sections.${section}`)} error={error}>
            <AutoGrowTextarea {...inputProps(id, error)} {...form.register(`sections.${section}`)} />
          </Field>
        );
      })}
      <Field id="tdr-author" label={t('authorName')} hint={t('authorHint')} error={errors.authorName}>
        <input autoComplete="name" {...inputProps('tdr-author', errors.authorName)} {...form.register('authorName')} />
      </Field>
      <FormFooter
        errors={errors}
        submitLabel={t('saveRevision')}
        submitting={form.formState.isSubmitting}
        onCancel={() => navigate('/')}
      />
    </form>
  );
}
