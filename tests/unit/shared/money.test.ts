import { describe, expect, it } from 'vitest';
import { formatFcfa, groupDigits, MONEY_SPACE, parseFcfa } from '../../../src/shared/money';

const nb = (s: string) => s.replaceAll(' ', '\u00a0');

describe('FCFA formatting', () => {
  it('groups thousands with no-break spaces and ends with FCFA', () => {
    expect(formatFcfa(1_250_000)).toBe('1\u00a0250\u00a0000\u00a0FCFA');
    expect(formatFcfa(1_250_000)).toBe(nb('1 250 000 FCFA'));
  });

  it('uses U+00A0 and never U+202F or a plain space', () => {
    expect(MONEY_SPACE).toBe('\u00a0');
    expect(formatFcfa(987_654_321)).not.toMatch(/[ \u202f]/);
  });

  it('prints small amounts and zero without grouping', () => {
    expect(formatFcfa(0)).toBe(nb('0 FCFA'));
    expect(formatFcfa(999)).toBe(nb('999 FCFA'));
    expect(formatFcfa(1000)).toBe(nb('1 000 FCFA'));
  });

  it('has no decimals: rounds to the whole franc', () => {
    expect(formatFcfa(1499.5)).toBe(nb('1 500 FCFA'));
    expect(formatFcfa(12.4)).toBe(nb('12 FCFA'));
  });

  it('shows a dash for an amount not filled in', () => {
    expect(formatFcfa(null)).toBe('—');
    expect(formatFcfa(undefined)).toBe('—');
    expect(formatFcfa(Number.NaN)).toBe('—');
  });

  it('keeps the sign of a negative amount', () => {
    expect(groupDigits(-1_250_000)).toBe(nb('-1 250 000'));
  });
});

describe('reading a typed amount', () => {
  it('accepts digits with any spaces, dots or the unit', () => {
    expect(parseFcfa('1250000')).toEqual({ ok: true, value: 1_250_000 });
    expect(parseFcfa('1 250 000')).toEqual({ ok: true, value: 1_250_000 });
    expect(parseFcfa('1\u202f250\u00a0000 FCFA')).toEqual({ ok: true, value: 1_250_000 });
    expect(parseFcfa('1.250.000')).toEqual({ ok: true, value: 1_250_000 });
  });

  it('reads an empty field as not filled in', () => {
    expect(parseFcfa('')).toEqual({ ok: true, value: null });
    expect(parseFcfa('   ')).toEqual({ ok: true, value: null });
  });

  it('refuses letters, signs and decimals instead of guessing', () => {
    expect(parseFcfa('12a')).toEqual({ ok: false, error: 'amount-invalid' });
    expect(parseFcfa('-500')).toEqual({ ok: false, error: 'amount-invalid' });
    expect(parseFcfa('1250,50')).toEqual({ ok: false, error: 'amount-invalid' });
  });

  it('refuses an amount beyond what the model stores', () => {
    expect(parseFcfa('99999999999999')).toEqual({ ok: false, error: 'amount-too-large' });
  });
});
