// E-mail addresses as they come out of Word tables: trimmed, without `mailto:` or angle brackets,
// in lower case (tables are often typed in capitals). Pure: used by the app and the server.

export type EmailParse = { ok: true; value: string } | { ok: false; error: 'email-invalid' };

// Deliberately simple: one local part, one @, a domain with a dot. It catches the mistakes seen in
// pasted tables (a missing @, two addresses in one cell, spaces) without refusing unusual addresses.
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;

/** Empty means "no e-mail" (allowed). */
export function normaliseEmail(input: string): EmailParse {
  const value = input
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/, '$1')
    .toLowerCase();
  if (value === '') return { ok: true, value: '' };
  return EMAIL.test(value) ? { ok: true, value } : { ok: false, error: 'email-invalid' };
}
