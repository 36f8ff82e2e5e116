// "Revue" in the main menu, for coordinators and admins only, with the number of submitted notes
// waiting on this device. Small on purpose: it is part of the first screen's bundle.
import { useTranslation } from 'react-i18next';
import { isReviewer, useSubmittedCount } from '../../../db/repositories/review';
import { NavLink } from '../../components/NavLink';
import { NavIcon } from '../../components/shell/NavIcon';
import { useSession } from '../../hooks/useSyncStatus';

export function ReviewNavLink() {
  const { t } = useTranslation();
  const session = useSession();
  const waiting = useSubmittedCount();
  if (!session || !isReviewer(session.user.role)) return null;
  return (
    <NavLink to="/review" className="nav-item">
      <NavIcon name="review" />
      <span className="nav-label">{t('nav.review')}</span>
      {waiting ? (
        <>
          {' '}
          <span className="nav-badge" data-testid="review-badge" title={t('nav.reviewBadge', { count: waiting })}>
            {waiting}
          </span>
        </>
      ) : null}
    </NavLink>
  );
}
