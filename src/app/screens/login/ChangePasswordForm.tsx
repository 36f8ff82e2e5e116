import { useState } from 'react';
import { type FieldPath, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../../../sync/accountApi';
import { SyncError } from '../../../sync/http';
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
    <div className="field">
      <label htmlFor={`password-${name}`}>{t(`password.${name}`)}</label>
      <input
        id={`password-${name}`}
        type="password"
        autoComplete={autoComplete}
        aria-invalid={errors[name] ? 'true' : 'false'}
        aria-describedby={errors[name] ? `password-${name}-error` : undefined}
        {...register(name, rules)}
      />
      {errors[name] && (
        <p id={`password-${name}-error`} className="field-error" role="alert">
          {errors[name]?.message}
        </p>
      )}
    </div>
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
      {errors.root && (
        <p className="field-error" role="alert">
          {errors.root.message}
        </p>
      )}
      {done && <p role="status">{t('password.changed')}</p>}
      <button type="submit" className="primary" disabled={isSubmitting}>
        {isSubmitting ? t('password.submitting') : t('password.submit')}
      </button>
    </form>
  );
}
