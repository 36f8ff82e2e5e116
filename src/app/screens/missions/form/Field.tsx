import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationCode } from '../../../../db/repositories/missions';

interface FieldErrorLike {
  message?: string;
}

/** Props that tie an input to its label and to its error message (read by screen readers). */
export function inputProps(id: string, error: FieldErrorLike | undefined) {
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  };
}

/** The French message for a validation code, in a `.field-error` announced as an alert. */
export function ErrorMessage({ id, error }: { id: string; error: FieldErrorLike | undefined }) {
  const { t } = useTranslation('missions');
  if (!error?.message) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {t(`errors.${error.message as ValidationCode}`)}
    </p>
  );
}

/** A labelled field with its error underneath: `children` is the input, given `inputProps(id, error)`. */
export function Field(props: {
  id: string;
  label: string;
  error?: FieldErrorLike;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && <p className="muted field-hint">{props.hint}</p>}
      {props.children}
      <ErrorMessage id={`${props.id}-error`} error={props.error} />
    </div>
  );
}
