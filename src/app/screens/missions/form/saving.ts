// One way for every form to save: refusals from the repository land on their fields, and any
// other failure (storage full, database closed) is shown above the buttons. What was typed stays.
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { isQuotaError } from '../../../../db/errors';
import { ValidationError } from '../../../../db/repositories/missions';

export type SaveFailure = 'quota' | 'save-failed';

/** A full device reads as such even when Dexie wrapped the browser's error (as it does at commit). */
export function failureOf(error: unknown): SaveFailure {
  return isQuotaError(error) ? 'quota' : 'save-failed';
}

/** Wraps a save so that its failure becomes form errors instead of an unhandled rejection. */
export function submitWith<T extends FieldValues>(form: UseFormReturn<T>, save: (values: T) => Promise<void>) {
  return form.handleSubmit(async (values) => {
    try {
      await save(values);
    } catch (error) {
      if (error instanceof ValidationError) {
        for (const [path, code] of Object.entries(error.errors))
          form.setError(path as Path<T> | 'root', { type: code, message: code });
        return;
      }
      console.error('Terrain: save failed', error);
      form.setError('root.save', { type: failureOf(error), message: failureOf(error) });
    }
  });
}
