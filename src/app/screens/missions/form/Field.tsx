// The app's Field for the mission screens, whose validation errors are codes (db/repositories)
// turned into French here.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationCode } from '../../../../db/repositories/missions';
import { Field as BaseField, inputProps as baseInputProps } from '../../../components/Field';

interface FieldErrorLike {
  message?: string;
}

export function inputProps(id: string, error: FieldErrorLike | undefined) {
  return baseInputProps(id, error?.message);
}

export function Field({
  error,
  ...props
}: {
  id: string;
  label: string;
  error?: FieldErrorLike;
  hint?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation('missions');
  const message = error?.message ? t(`errors.${error.message as ValidationCode}`) : undefined;
  return <BaseField {...props} error={message} />;
}
