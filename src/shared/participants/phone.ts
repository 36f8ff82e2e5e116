// Phone numbers as people write them in Mali (`76 23 65 80`, `+223 76 23 65 80`, `00223 76…`) and
// foreign ones with their `+` prefix, stored once in E.164 (`+22376236580`) so they compare, sort
// and dial the same everywhere. Pure: used by the app and the server.
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export type PhoneParse = { ok: true; value: string } | { ok: false; error: 'phone-invalid' };

/** A number without a country prefix is read as Malian. Empty means "no phone" (allowed). */
export function normalisePhone(input: string): PhoneParse {
  const raw = input.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  if (raw === '') return { ok: true, value: '' };
  if (!/^[+\d(][\d\s().-]*$/.test(raw)) return { ok: false, error: 'phone-invalid' };
  const parsed = parsePhoneNumberFromString(raw, 'ML');
  if (!parsed?.isValid()) return { ok: false, error: 'phone-invalid' };
  return { ok: true, value: parsed.number };
}

/** `+22376236580` -> `+223 76 23 65 80`; anything that is not E.164 is shown as it is. */
export function formatPhone(e164: string): string {
  if (!e164.startsWith('+')) return e164;
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
