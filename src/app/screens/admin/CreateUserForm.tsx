import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type CreateUserRequest, ROLES } from '../../../shared/protocol';
import { adminApi } from '../../../sync/adminApi';
import { SyncError } from '../../../sync/http';
import { useDescribeSyncError } from '../../hooks/useSyncStatus';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A new account: the server refuses a taken e-mail, shown next to the e-mail field. */
export function CreateUserForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation(['admin', 'sync']);
  const describeError = useDescribeSyncError();
  const [created, setCreated] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<CreateUserRequest>({ defaultValues: { email: '', name: '', role: 'member', password: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setCreated(null);
    try {
      const user = await adminApi.createUser({ ...values, email: values.email.trim(), name: values.name.trim() });
      setCreated(t('create.created', { name: user.name }));
      reset();
      onCreated();
    } catch (error) {
      const message = error instanceof SyncError ? describeError(error) : String(error);
      setError(error instanceof SyncError && error.code === 'email-taken' ? 'email' : 'root', { message });
    }
  });

  const fieldProps = (name: keyof CreateUserRequest) => ({
    id: `new-user-${name}`,
    'aria-invalid': errors[name] ? ('true' as const) : ('false' as const),
    'aria-describedby': errors[name] ? `new-user-${name}-error` : undefined,
  });
  const fieldError = (name: keyof CreateUserRequest) =>
    errors[name] && (
      <p id={`new-user-${name}-error`} className="field-error" role="alert">
        {errors[name]?.message}
      </p>
    );

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="new-user-title">
      <h2 id="new-user-title">{t('create.title')}</h2>
      <div className="field">
        <label htmlFor="new-user-name">{t('create.name')}</label>
        <input {...fieldProps('name')} {...register('name', { required: t('create.nameRequired') })} />
        {fieldError('name')}
      </div>
      <div className="field">
        <label htmlFor="new-user-email">{t('create.email')}</label>
        <input
          type="email"
          inputMode="email"
          autoComplete="off"
          {...fieldProps('email')}
          {...register('email', {
            required: t('create.emailRequired'),
            pattern: { value: EMAIL, message: t('create.emailInvalid') },
          })}
        />
        {fieldError('email')}
      </div>
      <div className="field">
        <label htmlFor="new-user-role">{t('create.role')}</label>
        <select {...fieldProps('role')} {...register('role')}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`, { ns: 'sync' })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="new-user-password">{t('create.password')}</label>
        <p className="muted">{t('create.passwordHint')}</p>
        <input
          type="text"
          autoComplete="new-password"
          {...fieldProps('password')}
          {...register('password', {
            minLength: { value: 8, message: t('create.passwordTooShort') },
            required: t('create.passwordTooShort'),
          })}
        />
        {fieldError('password')}
      </div>
      {errors.root && (
        <p className="field-error" role="alert">
          {errors.root.message}
        </p>
      )}
      {created && <p role="status">{created}</p>}
      <button type="submit" className="primary" disabled={isSubmitting}>
        {t('create.submit')}
      </button>
    </form>
  );
}
