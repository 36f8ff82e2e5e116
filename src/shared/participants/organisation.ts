// Structure names as people type them in a participants table: "de Ministère des Mines",
// "la PNUD", "à l'UNICEF" carry the article or preposition of the sentence they were copied from.
// The clean form is only SUGGESTED (the person decides): a capitalised article belongs to the name
// ("La Poste", "Les Brasseries du Mali"), and an all-capitals cell cannot tell the two apart, so
// only a lower-case leading word followed by a capitalised name is taken off.

/** Leading words that are never part of a structure's name when typed in lower case. */
const LEADING_WORDS = /^(?:(?:de|du|des|la|le|les|au|aux|à|a|chez|pour|par|en|et)\s+|(?:l|d)['’]\s*)/u;

/** Starts like a name: a capital letter (accented too) or a digit. */
const NAME_START = /^[\p{Lu}\d]/u;

/**
 * The clean form of a structure name, or null when it is already clean (or nothing can be said
 * for sure). Several leading words go together: "de la DNGM" → "DNGM".
 */
export function suggestOrganisation(typed: string): string | null {
  const trimmed = typed.trim().replace(/\s+/g, ' ');
  let rest = trimmed;
  for (let match = LEADING_WORDS.exec(rest); match; match = LEADING_WORDS.exec(rest)) {
    rest = rest.slice(match[0].length);
  }
  if (rest === trimmed || !NAME_START.test(rest)) return null;
  return rest;
}
