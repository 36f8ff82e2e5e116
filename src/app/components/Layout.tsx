import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ReviewNavLink } from '../screens/review/ReviewNavLink';
import { NavLink } from './NavLink';
import { StatusBar } from './StatusBar';
import { SyncNavLinks, SyncStatus } from './SyncStatus';
import { UpdatePrompt } from './UpdatePrompt';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="app">
      <header className="app-header">
        <Link href="/" className="brand">
          {t('appName')}
        </Link>
        <nav aria-label={t('nav.mainMenu')} className="main-nav">
          <NavLink to="/" end>
            {t('nav.missions')}
          </NavLink>
          <NavLink to="/actions">{t('nav.actions')}</NavLink>
          <ReviewNavLink />
          <NavLink to="/settings">{t('nav.settings')}</NavLink>
          <SyncNavLinks />
        </nav>
      </header>
      <StatusBar>
        <SyncStatus />
      </StatusBar>
      <UpdatePrompt />
      <main className="app-main">{children}</main>
    </div>
  );
}
