// "Une mission reçue d'un autre appareil ?": importing an archive where a new phone starts (the
// empty missions list) and in the settings, not only from a mission's "Rapport" tab. The import
// itself loads on demand, so the first screen stays light.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';

// The control and its catalogue ('report') load side by side, not one after the other: on a new
// phone's empty list its hint is the largest text of the first screen, so waiting for the two in
// a row was the largest contentful paint (Lighthouse's first screen is this one).
const ArchiveImport = lazy(async () => {
  const [module] = await Promise.all([import('../report/ArchiveImport'), i18n.loadNamespaces('report')]);
  return { default: module.ArchiveImport };
});

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
