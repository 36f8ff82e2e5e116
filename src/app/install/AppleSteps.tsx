import { useTranslation } from 'react-i18next';

/**
 * How to add Terrain to the home screen on an iPhone or iPad, and why it matters. `collapsed`: the
 * steps behind "Comment faire ?" (the missions list's invitation stays small on a phone).
 */
export function AppleSteps({ collapsed = false }: { collapsed?: boolean }) {
  const { t } = useTranslation();
  const steps = (
    <>
      <ol className="install-steps">
        <li>{t('install.appleStep1')}</li>
        <li>{t('install.appleStep2')}</li>
        <li>{t('install.appleStep3')}</li>
      </ol>
      <p className="muted">{t('install.appleWhy')}</p>
    </>
  );
  if (!collapsed) return steps;
  return (
    <details className="install-how">
      <summary>{t('install.appleHow')}</summary>
      {steps}
    </details>
  );
}
