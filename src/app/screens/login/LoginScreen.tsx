// /login: "Connexion" when nobody is logged in on this device (or the session expired), "Compte"
// once someone is: who, with which role, "Se déconnecter" (which keeps every local change) and
// "Changer mon mot de passe".
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { logOut } from '../../../sync';
import { Loading } from '../../components/Loading';
import { useSession } from '../../hooks/useSyncStatus';
import { ChangePasswordForm } from './ChangePasswordForm';
import { LoginForm } from './LoginForm';

export function LoginScreen() {
  const { t } = useTranslation('sync');
  const session = useSession();
  if (session === undefined) return <Loading />;

  if (!session || session.expired) {
    return (
      <div className="page">
        <h1>{t('login.title')}</h1>
        {session?.expired ? (
          <p className="warning" role="alert">
            {t('login.expired')}
          </p>
        ) : (
          <p className="muted">{t('login.intro')}</p>
        )}
        <LoginForm defaultEmail={session?.user.email ?? ''} />
      </div>
    );
  }

  return (
    <div className="page">
      <h1>{t('account.title')}</h1>
      <section className="card">
        <p data-testid="logged-in-as">
          {t('account.loggedInAs', { name: session.user.name, email: session.user.email })}
        </p>
        <p className="muted">{t('account.role', { role: t(`roles.${session.user.role}`) })}</p>
        <p className="muted">{t('account.logoutHint')}</p>
        <div className="button-row">
          <button type="button" onClick={() => void logOut()}>
            {t('account.logout')}
          </button>
          <Link href="/settings" className="button">
            {t('settings.title')}
          </Link>
        </div>
      </section>
      <ChangePasswordForm />
    </div>
  );
}
