// The frame every mission record's form shares: a card with its title, the record's own fields,
// the form-wide messages and the buttons (save, cancel, and delete when editing).
import type { ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormFooter } from '../form/FormFooter';
import { submitWith } from '../form/saving';

/** What the scaffold (RecordEditors) gives each record's form. */
export interface RecordFormProps<V> {
  title: string;
  initial: V;
  onSave: (values: V) => Promise<void>;
  onCancel: () => void;
  /** Buttons beside save and cancel (delete, when editing). */
  actions?: ReactNode;
}

export function RecordForm<V extends FieldValues>({
  form,
  title,
  onSave,
  onCancel,
  actions,
  children,
}: RecordFormProps<V> & { form: UseFormReturn<V>; children: ReactNode }) {
  const { t } = useTranslation('common');
  return (
    <form className="card" noValidate onSubmit={submitWith(form, onSave)}>
      <h2>{title}</h2>
      {children}
      <FormFooter
        errors={form.formState.errors}
        submitLabel={t('actions.save')}
        submitting={form.formState.isSubmitting}
        onCancel={onCancel}
      >
        {actions}
      </FormFooter>
    </form>
  );
}
