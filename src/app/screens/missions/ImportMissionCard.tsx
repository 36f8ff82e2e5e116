// "Une mission reçue d'un autre appareil ?": importing an archive where a new phone starts (the
// empty missions list) and in the settings, not only from a mission's "Rapport" tab. The import
// control loads on demand, so the first screen stays light; the card's text does not wait for it
// and the control's place is kept while it loads, so the card never grows under the reader's eyes
// (nor pushes down what follows it: a layout shift).
import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';

// The control and its catalogue ('report') load side by side, not one after the other.
const ArchiveImport = lazy(async () => {
  const [module] = await Promise.all([import('../report/ArchiveImport'), i18n.loadNamespaces('report')]);
  return { default: module.ArchiveImport };
});

export function ImportMissionCard() {
  const { t } = useTranslation('missions');
  const hintId = useId();
  return (
    <section className="card" aria-labelledby="import-mission-title">
      <h2 id="import-mission-title">{t('list.importTitle')}</h2>
      <p id={hintId} className="muted">
        {t('list.importHint')}
      </p>
      <Suspense fallback={<div className="archive-import-placeholder" />}>
        <ArchiveImport describedBy={hintId} />
      </Suspense>
    </section>
  );
}
