import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A delete button that asks once more in place (no browser dialog, which phones render poorly). */
export function ConfirmButton({ label, onConfirm }: { label: string; onConfirm: () => void | Promise<void> }) {
  const { t } = useTranslation(['missions', 'common']);
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" className="button danger" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <span className="button-row">
      <button type="button" className="button danger" onClick={() => void onConfirm()}>
        {t('form.confirmDelete')}
      </button>
      <button type="button" className="button" onClick={() => setAsking(false)}>
        {t('actions.cancel', { ns: 'common' })}
      </button>
    </span>
  );
}
