import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { isAccountEmail } from '../../../shared/protocol';
import { logIn, SyncError } from '../../../sync';
import { Field, FormError, inputProps } from '../../components/Field';
import { useDescribeSyncError } from '../../hooks/useSyncStatus';

interface LoginValues {
  email: string;
  password: string;
}

/** E-mail and password; errors next to the fields, the server's refusal above the button. */
export function LoginForm({ defaultEmail }: { defaultEmail: string }) {
  const { t } = useTranslation('sync');
  const describeError = useDescribeSyncError();
  const [, navigate] = useLocation();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<LoginValues>({ defaultValues: { email: defaultEmail, password: '' } });

  const onSubmit = handleSubmit(async ({ email, password }) => {
    if (!navigator.onLine) {
      setError('root', { message: t('login.offline') });
      return;
    }
    try {
      await logIn(email.trim(), password);
      navigate('/');
    } catch (error) {
      const described = error instanceof SyncError ? describeError(error) : t('errors.unexpected');
      setError('root', { message: described });
    }
  });

  return (
    <form className="card" onSubmit={onSubmit} noValidate>
      <Field id="login-email" label={t('login.email')} error={errors.email?.message}>
        <input
          type="email"
          autoComplete="username"
          inputMode="email"
          {...inputProps('login-email', errors.email?.message)}
          {...register('email', {
            required: t('login.emailRequired'),
            validate: (value) => isAccountEmail(value) || t('login.emailInvalid'),
          })}
        />
      </Field>
      <Field id="login-password" label={t('login.password')} error={errors.password?.message}>
        <input
          type="password"
          autoComplete="current-password"
          {...inputProps('login-password', errors.password?.message)}
          {...register('password', { required: t('login.passwordRequired') })}
        />
      </Field>
      <FormError message={errors.root?.message} />
      <button type="submit" className="primary" disabled={isSubmitting}>
        {isSubmitting ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
