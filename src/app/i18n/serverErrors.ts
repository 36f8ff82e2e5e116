// The server explains its refusals in French (src/shared/errors.ts); the app shows them in the
// interface's language by their stable code, falling back to the server's words for a code it
// does not know (a newer server).
import { i18n } from './index';

export function serverErrorText(code: string, message: string): string {
  return i18n.t(`serverErrors.${code}`, { ns: 'sync', defaultValue: message });
}
