// Money as the users write it: whole francs CFA (XOF has no decimals), thousands grouped by spaces,
// `1 250 000 FCFA`. Every space we print is U+00A0 (no-break space), never U+202F, so an amount never
// wraps across lines and renders in every font the report uses (some lack the narrow U+202F).

/** The one space character used in amounts and before the unit (U+00A0). */
export const MONEY_SPACE = '\u00a0';

/** 1250000 -> "1 250 000" (groups of three, U+00A0 between them). Rounds to a whole franc. */
export function groupDigits(amount: number): string {
  const rounded = Math.round(Math.abs(amount));
  const digits = String(rounded).replace(/\B(?=(\d{3})+(?!\d))/g, MONEY_SPACE);
  return amount < 0 && rounded !== 0 ? `-${digits}` : digits;
}

/** 1250000 -> "1 250 000 FCFA"; null (not filled in) -> "—". */
export function formatFcfa(amount: number | null | undefined): string {
  if (amount == null || !Number.isFinite(amount)) return '—';
  return `${groupDigits(amount)}${MONEY_SPACE}FCFA`;
}

export type AmountParse =
  | { ok: true; value: number | null }
  | { ok: false; error: 'amount-invalid' | 'amount-too-large' };

/** Largest amount a field accepts (the model's bound). */
export const MAX_AMOUNT_FCFA = 1e13;

/**
 * What a person typed -> a whole amount. Spaces of any kind, dots and the unit are allowed as
 * they appear in pasted figures ("1.250.000", "1 250 000 FCFA"); empty means "not filled in" (null).
 * Decimals, signs and letters are refused rather than guessed.
 */
export function parseFcfa(input: string): AmountParse {
  const compact = input.replace(/[\s\u00a0\u202f.]/g, '').replace(/f?cfa$/i, '');
  if (compact === '') return { ok: true, value: null };
  if (!/^\d+$/.test(compact)) return { ok: false, error: 'amount-invalid' };
  const value = Number(compact);
  if (value > MAX_AMOUNT_FCFA) return { ok: false, error: 'amount-too-large' };
  return { ok: true, value };
}
