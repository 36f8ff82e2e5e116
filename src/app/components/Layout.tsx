// The frame of every screen. On a phone: a compact header (brand, one status line), the page, and
// the main menu as a bar at the bottom, within the thumb's reach. On a wide screen the same menu
// sits in the header. The layout itself is CSS (src/app/styles/shell.css).
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { FlashNotice } from '../flash/FlashNotice';
import { StatusDetails, StatusLine } from './StatusBar';
import { MainNav } from './shell/MainNav';
import { UpdatePrompt } from './UpdatePrompt';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [statusOpen, setStatusOpen] = useState(false);
  return (
    <div className="app">
      <header className="app-header">
        <Link href="/" className="brand">
          {t('appName')}
        </Link>
        <MainNav />
        <StatusLine open={statusOpen} onToggle={() => setStatusOpen((open) => !open)} />
      </header>
      <StatusDetails open={statusOpen} />
      <UpdatePrompt />
      <FlashNotice />
      <main className="app-main">{children}</main>
    </div>
  );
}
