// The overview's map card, loaded only when the overview is shown (it carries Mali's outline).
import { lazy, Suspense } from 'react';

const MissionMapFigure = lazy(() => import('./MissionMapFigure'));

export function MissionMapCard({ missionId }: { missionId: string }) {
  return (
    <Suspense fallback={null}>
      <MissionMapFigure missionId={missionId} />
    </Suspense>
  );
}
