// Lets react-hook-form check a draft with the repository's own validation, so a form and the
// repository refuse exactly the same things. Errors carry the code; the screen words it in French.
import { type FieldValues, type FieldErrors as FormErrors, type Resolver, set } from 'react-hook-form';
import type { FieldErrors } from '../../../../db/repositories/missions';

export function draftResolver<T extends FieldValues>(validate: (values: T) => FieldErrors): Resolver<T> {
  return (values) => {
    const found = Object.entries(validate(values));
    if (found.length === 0) return { values, errors: {} };
    const errors: FormErrors<T> = {};
    for (const [path, code] of found) set(errors, path, { type: code, message: code });
    return { values: {}, errors };
  };
}
