// "1 note à revoir" on a mission of the missions list: the member sees a coordinator's request from
// the first screen, and one tap opens the mission's visit list, where those notes come first.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

export function MissionToReviseCount({ missionId, count }: { missionId: string; count: number | undefined }) {
  const { t } = useTranslation('visits');
  if (!count) return null;
  return (
    <p className="mission-to-revise">
      <Link href={`/missions/${missionId}/visits`} className="badge state-a_revoir">
        {t('toRevise.count', { count })}
      </Link>
    </p>
  );
}
