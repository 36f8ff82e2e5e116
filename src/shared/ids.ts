// The one rule for ids that travel between devices and the server (record, mission, mutation,
// device and account ids, in bodies and in URLs): what ULIDs (Crockford base 32) and UUIDs
// (hex and dashes) need, plus `_`. Anything else (U+0000, spaces, slashes, quotes, accents) is
// refused at the edge: PostgreSQL cannot store U+0000 in text, and an id never needs escaping in a
// URL, a log line or a file name.
import { z } from 'zod';

export const ID_MAX_CHARS = 64;
const ID_PATTERN = /^[0-9A-Za-z_-]{1,64}$/;

export const idSchema = z.string().regex(ID_PATTERN, 'id-format');

export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}
