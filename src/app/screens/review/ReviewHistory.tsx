// The note's history: every review step (who, when, from which state to which, the comment), oldest
// first. A step written on this device and not yet acknowledged by the server says so.
import { useTranslation } from 'react-i18next';
import type { ReviewComment } from '../../../shared/model';
import { localDayTime } from '../../hooks/useSyncStatus';

export function ReviewHistory({ history }: { history: ReviewComment[] }) {
  const { t } = useTranslation(['review', 'visits']);
  return (
    <div className="review-history">
      <h4>{t('history.title')}</h4>
      {history.length === 0 ? (
        <p className="muted">{t('history.empty')}</p>
      ) : (
        <ol className="plain-list" aria-label={t('history.label')}>
          {history.map((step) => {
            const when = localDayTime(step.createdAt);
            return (
              <li key={step.id} className="history-step">
                <p>
                  {step.fromState && step.toState && (
                    <strong>
                      {t('history.step', {
                        from: t(`visits:state.${step.fromState}`),
                        to: t(`visits:state.${step.toState}`),
                      })}
                    </strong>
                  )}{' '}
                  <span className="muted">
                    {t('history.by', {
                      name: step.authorName || t('history.unknownAuthor'),
                      day: when.day,
                      time: when.time,
                    })}
                  </span>
                  {step.serverVersion === undefined && <span className="badge">{t('history.notSent')}</span>}
                </p>
                {step.text && <p className="prose">{step.text}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
