// The main menu. One list of links, laid out by CSS (src/app/styles/shell.css): on a phone a bar
// fixed at the bottom, within the thumb's reach (Missions, Visites, Revue, Plus), the rest of the
// links in a sheet that "Plus" opens above it; on a wide screen every link in the top bar.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { ReviewNavLink } from '../../screens/review/ReviewNavLink';
import { NavLink } from '../NavLink';
import { SyncNavLinks } from '../SyncStatus';
import { NavIcon } from './NavIcon';
import { missionIdInPath, useVisitsTarget } from './useVisitsTarget';

const MORE_PATHS = ['/actions', '/settings', '/login', '/admin'];

/** "Missions" stays lit on a mission's pages, except its visits (lit under "Visites"). */
const onMissionPage = (path: string) => missionIdInPath(path) !== null && !/^\/missions\/[^/]+\/visits/.test(path);

export function MainNav() {
  const { t } = useTranslation();
  const [path] = useLocation();
  const [moreOpen, setMoreOpen] = useState(false);
  const navRef = useRef<HTMLElement>(null);

  // The sheet closes once a link in it was followed, on Escape, and on a tap anywhere else.
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing is the effect of a new path
  useEffect(() => setMoreOpen(false), [path]);
  useEffect(() => {
    if (!moreOpen) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setMoreOpen(false);
    const onPointer = (event: PointerEvent) => {
      if (!navRef.current?.contains(event.target as Node)) setMoreOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [moreOpen]);

  const moreActive = MORE_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
  return (
    <nav aria-label={t('nav.mainMenu')} className="main-nav" ref={navRef}>
      <NavLink to="/" end activeFor={onMissionPage} className="nav-item">
        <NavIcon name="missions" />
        <span className="nav-label">{t('nav.missions')}</span>
      </NavLink>
      <VisitsNavLink />
      <ReviewNavLink />
      <button
        type="button"
        className={`nav-item nav-more-button${moreActive ? ' active' : ''}`}
        aria-expanded={moreOpen}
        aria-controls="nav-more"
        onClick={() => setMoreOpen((open) => !open)}
      >
        <NavIcon name="more" />
        <span className="nav-label">{t('nav.more')}</span>
      </button>
      <div id="nav-more" className={`nav-more${moreOpen ? ' is-open' : ''}`}>
        <NavLink to="/actions" className="nav-item">
          <NavIcon name="actions" />
          <span className="nav-label">{t('nav.actions')}</span>
        </NavLink>
        <NavLink to="/settings" className="nav-item">
          <NavIcon name="settings" />
          <span className="nav-label">{t('nav.settings')}</span>
        </NavLink>
        <SyncNavLinks />
      </div>
    </nav>
  );
}

function VisitsNavLink() {
  const { t } = useTranslation();
  const target = useVisitsTarget();
  const [path] = useLocation();
  return (
    <NavLink to={target.href} active={/^\/missions\/[^/]+\/visits/.test(path)} className="nav-item">
      <NavIcon name="visits" />
      <span className="nav-label">{t('nav.visits')}</span>
      {target.toRevise > 0 && (
        <span className="nav-badge is-warning" data-testid="to-revise-badge">
          <span aria-hidden="true">{target.toRevise}</span>
          <span className="visually-hidden">{t('nav.toReviseBadge', { count: target.toRevise })}</span>
        </span>
      )}
    </NavLink>
  );
}
