// "Une mission reçue d'un autre appareil ?": importing an archive where a new phone starts (the
// empty missions list) and in the settings, not only from a mission's "Rapport" tab. The import
// itself loads on demand, so the first screen stays light.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

const ArchiveImport = lazy(() => import('../report/ArchiveImport').then((m) => ({ default: m.ArchiveImport })));

export function ImportMissionCard() {
  const { t } = useTranslation('missions');
  return (
    <section className="card" aria-labelledby="import-mission-title">
      <h2 id="import-mission-title">{t('list.importTitle')}</h2>
      <Suspense fallback={null}>
        <ArchiveImport />
      </Suspense>
    </section>
  );
}
