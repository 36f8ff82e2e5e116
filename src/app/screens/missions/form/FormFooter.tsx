import type { FieldErrors, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ValidationCode } from '../../../../db/repositories/missions';
import { FormError } from '../../../components/Field';
import type { SaveFailure } from './saving';

/** The form-wide message (nothing changed, save failed) and the buttons. */
export function FormFooter<T extends FieldValues>(props: {
  errors: FieldErrors<T>;
  submitLabel: string;
  submitting: boolean;
  onCancel?: () => void;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation(['missions', 'common']);
  const root = props.errors.root;
  const failure = root?.save?.message as SaveFailure | undefined;
  return (
    <>
      <FormError message={root?.message && t(`errors.${root.message as ValidationCode}`)} />
      {failure && (
        <p className="warning" role="alert">
          {failure === 'quota' ? t('errors.quota', { ns: 'common' }) : t('form.saveFailed')}
        </p>
      )}
      {/* form-actions: stuck above the bottom menu on phones while the form scrolls (styles/shell.css). */}
      <div className="button-row form-actions">
        <button type="submit" className="button primary" disabled={props.submitting}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="button" onClick={props.onCancel}>
            {t('actions.cancel', { ns: 'common' })}
          </button>
        )}
        {props.children}
      </div>
    </>
  );
}
