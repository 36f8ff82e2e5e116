import { useTranslation } from 'react-i18next';
import { TDR_SECTIONS, type TdrRevision } from '../../../../shared/model';
import { formatInstant } from '../formatInstant';

/** "Révision 3 — Awa Exemple, 20/06/2024 14:05" */
export function RevisionLabel({ revision }: { revision: TdrRevision }) {
  const { t } = useTranslation('tdr');
  return (
    <>
      {t('revision', { number: revision.number })}
      <span className="muted">
        {' '}
        — {t('byWhen', { name: revision.authorName, when: formatInstant(revision.createdAt) })}
      </span>
    </>
  );
}

/** Every section of a revision, as written (line breaks kept). */
export function TdrSectionsView({ revision }: { revision: TdrRevision }) {
  const { t } = useTranslation('tdr');
  return (
    <>
      {TDR_SECTIONS.map((section) => (
        <section key={section} className="card" aria-labelledby={`tdr-${section}`}>
          <h3 id={`tdr-${section}`}>{t(`sections.${section}`)}</h3>
          {revision.sections[section] ? (
            <p className="prose">{revision.sections[section]}</p>
          ) : (
            <p className="empty">{t('emptySection')}</p>
          )}
        </section>
      ))}
    </>
  );
}
