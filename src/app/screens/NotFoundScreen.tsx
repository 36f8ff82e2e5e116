import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

export function NotFoundScreen() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <p>{t('errors.notFound')}</p>
      <Link href="/" className="button">
        {t('errors.goHome')}
      </Link>
    </div>
  );
}
