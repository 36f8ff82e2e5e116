import { useState } from 'react';
import { type FieldPath, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../../../sync/accountApi';
import { SyncError } from '../../../sync/http';
import { Field, FormError, inputProps } from '../../components/Field';
import { useDescribeSyncError } from '../../hooks/useSyncStatus';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const MIN_LENGTH = 8;

/** "Changer mon mot de passe": online only; a wrong current password shows next to its field. */
export function ChangePasswordForm() {
  const { t } = useTranslation('sync');
  const describeError = useDescribeSyncError();
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<PasswordValues>({ defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' } });

  const onSubmit = handleSubmit(async ({ currentPassword, newPassword }) => {
    setDone(false);
    if (!navigator.onLine) {
      setError('root', { message: t('password.offline') });
      return;
    }
    try {
      await changePassword({ currentPassword, newPassword });
      reset();
      setDone(true);
    } catch (error) {
      const message = error instanceof SyncError ? describeError(error) : t('errors.unexpected');
      const wrongCurrent = error instanceof SyncError && error.code === 'wrong-credentials';
      setError(wrongCurrent ? 'currentPassword' : 'root', {
        message: wrongCurrent ? t('password.currentWrong') : message,
      });
    }
  });

  const field = (name: FieldPath<PasswordValues>, autoComplete: string, rules: Parameters<typeof register>[1]) => (
    <Field id={`password-${name}`} label={t(`password.${name}`)} error={errors[name]?.message}>
      <input
        type="password"
        autoComplete={autoComplete}
        {...inputProps(`password-${name}`, errors[name]?.message)}
        {...register(name, rules)}
      />
    </Field>
  );

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="password-title">
      <h2 id="password-title">{t('password.title')}</h2>
      <p className="muted">{t('password.hint')}</p>
      {field('currentPassword', 'current-password', { required: t('password.currentRequired') })}
      {field('newPassword', 'new-password', {
        required: t('password.newRequired'),
        minLength: { value: MIN_LENGTH, message: t('password.newTooShort', { min: MIN_LENGTH }) },
      })}
      {field('confirmPassword', 'new-password', {
        validate: (value, values) => value === values.newPassword || t('password.confirmMismatch'),
      })}
      <FormError message={errors.root?.message} />
      {done && <p role="status">{t('password.changed')}</p>}
      <button type="submit" className="primary" disabled={isSubmitting}>
        {isSubmitting ? t('password.submitting') : t('password.submit')}
      </button>
    </form>
  );
}
