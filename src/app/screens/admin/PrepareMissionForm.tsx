// "Préparer une mission": an administrator or a coordinator makes a mission and its team on the
// server; each member's device pulls it at its next sync. The title and dates are checked with the
// app's own mission rules (db/repositories/missions.ts), the server checks them again. The id is made
// once per mission being prepared, so pressing again after a lost answer cannot make it twice.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../db/ids';
import { emptyMissionDraft, type MissionDraft, validateMission } from '../../../db/repositories/missions';
import type { User } from '../../../shared/protocol';
import { adminApi } from '../../../sync/adminApi';
import { SyncError } from '../../../sync/http';
import { FormError } from '../../components/Field';
import { useDescribeSyncError } from '../../hooks/useSyncStatus';
import { Field, inputProps } from '../missions/form/Field';
import { draftResolver } from '../missions/form/resolver';
import { TeamPicker } from './TeamPicker';

type PreparedDraft = Pick<MissionDraft, 'title' | 'project' | 'startDate' | 'endDate'>;

const resolver = draftResolver<PreparedDraft>((draft) =>
  validateMission({ ...emptyMissionDraft(), ...draft, vehicles: [] }),
);

export function PrepareMissionForm({
  accounts,
  currentUserId,
  onPrepared,
}: {
  accounts: User[];
  currentUserId: string;
  onPrepared: () => Promise<void>;
}) {
  const { t } = useTranslation('admin');
  const describeError = useDescribeSyncError();
  const [missionId, setMissionId] = useState(newId);
  const [team, setTeam] = useState<Set<string>>(() => new Set());
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<PreparedDraft>({
    defaultValues: { title: '', project: '', startDate: '', endDate: '' },
    resolver,
  });
  const { register, handleSubmit, reset, setError, formState } = form;
  const { errors } = formState;

  const onSubmit = handleSubmit(async (draft) => {
    setDone(null);
    try {
      const mission = await adminApi.createMission({
        id: missionId,
        title: draft.title.trim(),
        project: draft.project.trim(),
        startDate: draft.startDate,
        endDate: draft.endDate,
        members: [...team].map((userId) => ({ userId })),
      });
      const others = mission.members.filter((m) => m.id !== currentUserId).length;
      setDone(t('prepare.done', { title: mission.title, count: others }));
      reset();
      setTeam(new Set());
      setMissionId(newId());
      await onPrepared();
    } catch (error) {
      setError('root', { message: error instanceof SyncError ? describeError(error) : String(error) });
    }
  });

  const field = (name: keyof PreparedDraft) => inputProps(`prepare-${name}`, errors[name]);

  return (
    <form className="card prepare-mission" onSubmit={onSubmit} noValidate aria-labelledby="prepare-mission-title">
      <h2 id="prepare-mission-title">{t('prepare.title')}</h2>
      <p className="muted">{t('prepare.intro')}</p>
      <Field id="prepare-title" label={t('prepare.missionTitle')} error={errors.title}>
        <input {...field('title')} {...register('title')} />
      </Field>
      <Field id="prepare-project" label={t('prepare.project')} error={errors.project}>
        <input {...field('project')} {...register('project')} />
      </Field>
      <div className="field-pair">
        <Field id="prepare-startDate" label={t('prepare.startDate')} error={errors.startDate}>
          <input type="date" {...field('startDate')} {...register('startDate')} />
        </Field>
        <Field id="prepare-endDate" label={t('prepare.endDate')} error={errors.endDate}>
          <input type="date" {...field('endDate')} {...register('endDate')} />
        </Field>
      </div>
      <TeamPicker accounts={accounts.filter((a) => a.id !== currentUserId)} chosen={team} onChange={setTeam} />
      <FormError message={errors.root?.message} />
      {done && <p role="status">{done}</p>}
      <button type="submit" className="primary" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t('prepare.submitting') : t('prepare.submit')}
      </button>
    </form>
  );
}
