import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type CreateUserRequest, isAccountEmail, ROLES } from '../../../shared/protocol';
import { adminApi } from '../../../sync/adminApi';
import { SyncError } from '../../../sync/http';
import { Field, FormError, inputProps } from '../../components/Field';
import { useDescribeSyncError } from '../../hooks/useSyncStatus';

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

  const fieldProps = (name: keyof CreateUserRequest) => inputProps(`new-user-${name}`, errors[name]?.message);

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="new-user-title">
      <h2 id="new-user-title">{t('create.title')}</h2>
      <Field id="new-user-name" label={t('create.name')} error={errors.name?.message}>
        <input {...fieldProps('name')} {...register('name', { required: t('create.nameRequired') })} />
      </Field>
      <Field id="new-user-email" label={t('create.email')} error={errors.email?.message}>
        <input
          type="email"
          inputMode="email"
          autoComplete="off"
          {...fieldProps('email')}
          {...register('email', {
            required: t('create.emailRequired'),
            validate: (value) => isAccountEmail(value) || t('create.emailInvalid'),
          })}
        />
      </Field>
      <Field id="new-user-role" label={t('create.role')}>
        <select {...fieldProps('role')} {...register('role')}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`, { ns: 'sync' })}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="new-user-password"
        label={t('create.password')}
        hint={t('create.passwordHint')}
        error={errors.password?.message}
      >
        <input
          type="text"
          autoComplete="new-password"
          {...fieldProps('password')}
          {...register('password', {
            minLength: { value: 8, message: t('create.passwordTooShort') },
            required: t('create.passwordTooShort'),
          })}
        />
      </Field>
      <FormError message={errors.root?.message} />
      {created && <p role="status">{created}</p>}
      <button type="submit" className="primary" disabled={isSubmitting}>
        {t('create.submit')}
      </button>
    </form>
  );
}
