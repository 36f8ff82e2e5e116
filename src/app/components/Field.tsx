// A labelled form field, its hint and its error underneath, tied together for screen readers. Every
// form of the app lays its fields out this way; `children` is the input, given `inputProps(id, error)`.
import type { ReactNode } from 'react';

/** Props that tie an input to its label and to its error message. */
export function inputProps(id: string, error: string | undefined) {
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  };
}

export function Field(props: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && <p className="muted field-hint">{props.hint}</p>}
      {props.children}
      {props.error && (
        <p id={`${props.id}-error`} className="field-error" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** An error about the whole form (the server's refusal, no network), shown above its button. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" role="alert">
      {message}
    </p>
  );
}
