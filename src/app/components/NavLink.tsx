import type { ReactNode } from 'react';
import { Link, useRoute } from 'wouter';

/** A link that carries `active` (and aria-current) while its route is shown. */
export function NavLink({ to, end = false, children }: { to: string; end?: boolean; children: ReactNode }) {
  const [active] = useRoute(end ? to : `${to.replace(/\/$/, '')}/*?`);
  return (
    <Link href={to} className={active ? 'active' : undefined} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  );
}
