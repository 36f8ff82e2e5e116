import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { logIn, SyncError } from '../../../sync';
import { useDescribeSyncError } from '../../hooks/useSyncStatus';

interface LoginValues {
  email: string;
  password: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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
      <div className="field">
        <label htmlFor="login-email">{t('login.email')}</label>
        <input
          id="login-email"
          type="email"
          autoComplete="username"
          inputMode="email"
          aria-invalid={errors.email ? 'true' : 'false'}
          aria-describedby={errors.email ? 'login-email-error' : undefined}
          {...register('email', {
            required: t('login.emailRequired'),
            pattern: { value: EMAIL, message: t('login.emailInvalid') },
          })}
        />
        {errors.email && (
          <p id="login-email-error" className="field-error" role="alert">
            {errors.email.message}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="login-password">{t('login.password')}</label>
        <input
          id="login-password"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? 'true' : 'false'}
          aria-describedby={errors.password ? 'login-password-error' : undefined}
          {...register('password', { required: t('login.passwordRequired') })}
        />
        {errors.password && (
          <p id="login-password-error" className="field-error" role="alert">
            {errors.password.message}
          </p>
        )}
      </div>
      {errors.root && (
        <p className="field-error" role="alert">
          {errors.root.message}
        </p>
      )}
      <button type="submit" className="primary" disabled={isSubmitting}>
        {isSubmitting ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
