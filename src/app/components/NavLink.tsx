import type { ReactNode } from 'react';
import { Link, useLocation, useRoute } from 'wouter';

/**
 * A link that carries `active` (and aria-current) while its route is shown. `activeFor` widens that
 * to other paths (the menu's "Missions" stays lit on a mission's pages, except its visits).
 */
export function NavLink({
  to,
  end = false,
  activeFor,
  active: forced,
  className,
  children,
}: {
  to: string;
  end?: boolean;
  activeFor?: (path: string) => boolean;
  /** Decided by the caller instead of the route (a link whose target changes with the context). */
  active?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const [onRoute] = useRoute(end ? to : `${to.replace(/\/$/, '')}/*?`);
  const [path] = useLocation();
  const active = forced ?? (onRoute || Boolean(activeFor?.(path)));
  const classes = [className, active ? 'active' : null].filter(Boolean).join(' ');
  return (
    <Link href={to} className={classes || undefined} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}
