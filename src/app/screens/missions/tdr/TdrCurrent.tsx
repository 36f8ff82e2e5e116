import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useTdrRevisions } from '../../../../db/repositories/tdr';
import { Loading } from '../../../components/Loading';
import { RevisionLabel, TdrSectionsView } from './TdrSectionsView';

/** The latest revision of the TdR and the list of all revisions (who, when). */
export function TdrCurrent({ missionId }: { missionId: string }) {
  const { t } = useTranslation('tdr');
  const revisions = useTdrRevisions(missionId);
  if (!revisions) return <Loading />;
  const [latest] = revisions;
  if (!latest)
    return (
      <div className="card">
        <p className="empty">{t('none')}</p>
        <Link href="/edit" className="button primary">
          {t('write')}
        </Link>
      </div>
    );

  return (
    <>
      <div className="card">
        <h2>
          <RevisionLabel revision={latest} />
        </h2>
        <div className="button-row">
          <Link href="/edit" className="button primary">
            {t('revise')}
          </Link>
          {revisions.length > 1 && (
            <Link href="/compare" className="button">
              {t('compare')}
            </Link>
          )}
        </div>
      </div>
      <TdrSectionsView revision={latest} />
      <section className="card" aria-labelledby="tdr-revisions">
        <h2 id="tdr-revisions">{t('revisions')}</h2>
        <ol className="plain-list" reversed>
          {revisions.map((revision, i) => (
            <li key={revision.id}>
              <Link href={`/revisions/${revision.id}`}>
                <RevisionLabel revision={revision} />
              </Link>
              {revisions[i + 1] && (
                <>
                  {' · '}
                  <Link href={`/compare?a=${revisions[i + 1].id}&b=${revision.id}`}>{t('compareWithPrevious')}</Link>
                </>
              )}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
