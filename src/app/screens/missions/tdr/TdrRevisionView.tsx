import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useTdrRevisions } from '../../../../db/repositories/tdr';
import { Loading } from '../../../components/Loading';
import { NotFoundScreen } from '../../NotFoundScreen';
import { RevisionLabel, TdrSectionsView } from './TdrSectionsView';

/** One earlier revision, read-only: revisions are never changed, only followed by new ones. */
export function TdrRevisionView({ missionId, revisionId }: { missionId: string; revisionId: string }) {
  const { t } = useTranslation('tdr');
  const revisions = useTdrRevisions(missionId);
  if (!revisions) return <Loading />;
  const revision = revisions.find((r) => r.id === revisionId);
  if (!revision) return <NotFoundScreen />;
  return (
    <>
      <div className="card">
        <h2>
          <RevisionLabel revision={revision} />
        </h2>
        <Link href="/">{t('backToLatest')}</Link>
      </div>
      <TdrSectionsView revision={revision} />
    </>
  );
}
