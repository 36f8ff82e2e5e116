// The steps a person may take on a note now, by role (from the stored session) and state: submit
// (any member), ask for changes / validate / reopen (coordinators and admins), with a comment that
// travels with the step to every device. The server checks the role again.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  availableActions,
  COMMENT_MAX_CHARS,
  changeNoteState,
  commentRequired,
  isReviewer,
  type ReviewAction,
  ReviewError,
} from '../../../db/repositories/review';
import type { VisitNote } from '../../../shared/model';
import type { Role } from '../../../shared/protocol';
import { AutoGrowTextarea } from '../../components/AutoGrowTextarea';
import { FormError } from '../../components/Field';
import { reviewErrorMessage } from './reviewErrors';

const PRIMARY: ReviewAction[] = ['submit', 'validate'];

export function ReviewActions({ note, role }: { note: VisitNote; role: Role | undefined }) {
  const { t } = useTranslation('review');
  const [done, setDone] = useState<ReviewAction | null>(null);
  const form = useForm<{ comment: string }>({ defaultValues: { comment: '' } });
  const { errors, isSubmitting } = form.formState;
  const actions = availableActions(note.state, role);
  const status = done && (
    <p role="status" className="notice">
      {t(`done.${done}`)}
    </p>
  );
  if (actions.length === 0) return status || null;

  const run = (action: ReviewAction) =>
    form.handleSubmit(async ({ comment }) => {
      setDone(null);
      if (commentRequired(action) && comment.trim() === '') {
        form.setError('comment', { message: t('errors.comment-required') }, { shouldFocus: true });
        return;
      }
      try {
        await changeNoteState(note.id, action, comment);
        form.reset();
        setDone(action);
        // The other side (the author, or the coordinators) is waiting for this step: send it now.
        void import('../../../sync').then((sync) => sync.syncSoon());
      } catch (error) {
        const onComment = error instanceof ReviewError && error.code.startsWith('comment-');
        form.setError(onComment ? 'comment' : 'root', { message: reviewErrorMessage(error, t) });
      }
    });

  return (
    <form className="review-actions" noValidate onSubmit={(event) => event.preventDefault()}>
      {status}
      <div className="field">
        <label htmlFor="review-comment">{t('panel.comment')}</label>
        <p id="review-comment-hint" className="muted field-hint">
          {isReviewer(role) && note.state !== 'brouillon' && note.state !== 'a_revoir'
            ? t('panel.commentHintReviewer')
            : t('panel.commentHintMember')}
        </p>
        <AutoGrowTextarea
          id="review-comment"
          rows={2}
          className="short"
          aria-invalid={errors.comment ? true : undefined}
          aria-describedby={errors.comment ? 'review-comment-hint review-comment-error' : 'review-comment-hint'}
          {...form.register('comment', {
            maxLength: { value: COMMENT_MAX_CHARS, message: t('errors.comment-too-long') },
          })}
        />
        {errors.comment && (
          <p id="review-comment-error" className="field-error" role="alert">
            {errors.comment.message}
          </p>
        )}
      </div>
      <div className="button-row">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className={PRIMARY.includes(action) ? 'button primary' : 'button'}
            disabled={isSubmitting}
            onClick={run(action)}
          >
            {t(`actions.${action}`)}
          </button>
        ))}
      </div>
      <FormError message={errors.root?.message} />
    </form>
  );
}
