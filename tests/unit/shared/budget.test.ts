import { describe, expect, it } from 'vitest';
import { budgetTotals, executionRate, formatRate, isEmptyLine } from '../../../src/shared/budget';

const line = (activity: string, plannedFcfa: number | null, spentFcfa: number | null) => ({
  activity,
  plannedFcfa,
  spentFcfa,
});

describe('execution rate of one achievement', () => {
  it('is spent divided by planned', () => {
    expect(executionRate(1_000_000, 625_000)).toBe(0.625);
    expect(executionRate(500_000, 750_000)).toBe(1.5);
  });

  it('cannot be computed with a planned budget of zero', () => {
    expect(executionRate(0, 100_000)).toBeNull();
    expect(executionRate(0, 0)).toBeNull();
  });

  it('cannot be computed when an amount is missing', () => {
    expect(executionRate(null, 100_000)).toBeNull();
    expect(executionRate(1_000_000, null)).toBeNull();
  });

  it('is zero when nothing was spent yet', () => {
    expect(executionRate(1_000_000, 0)).toBe(0);
  });
});

describe('budget totals of a note', () => {
  it('sums planned and spent and computes the overall rate', () => {
    const totals = budgetTotals([line('Forage', 1_250_000, 1_000_000), line('Formation', 750_000, 500_000)]);
    expect(totals).toEqual({ plannedFcfa: 2_000_000, spentFcfa: 1_500_000, rate: 0.75, lines: 2 });
  });

  it('ignores blank lines the user added but did not fill in', () => {
    const totals = budgetTotals([line('', null, null), line('Forage', 1_000_000, 250_000), line('  ', null, null)]);
    expect(totals).toEqual({ plannedFcfa: 1_000_000, spentFcfa: 250_000, rate: 0.25, lines: 1 });
    expect(isEmptyLine(line(' ', null, null))).toBe(true);
    expect(isEmptyLine(line('', 0, null))).toBe(false);
  });

  it('counts a missing amount as nothing', () => {
    const totals = budgetTotals([line('Forage', 1_000_000, null), line('Clôture', null, 200_000)]);
    expect(totals).toEqual({ plannedFcfa: 1_000_000, spentFcfa: 200_000, rate: 0.2, lines: 2 });
  });

  it('has no overall rate when nothing is planned', () => {
    expect(budgetTotals([line('Dons', 0, 300_000)]).rate).toBeNull();
    expect(budgetTotals([])).toEqual({ plannedFcfa: 0, spentFcfa: 0, rate: null, lines: 0 });
  });
});

describe('rate display', () => {
  it('prints a French percentage with at most one decimal', () => {
    expect(formatRate(0.625)).toBe('62,5\u00a0%');
    expect(formatRate(1)).toBe('100\u00a0%');
    expect(formatRate(1 / 3)).toBe('33,3\u00a0%');
    expect(formatRate(0)).toBe('0\u00a0%');
    expect(formatRate(null)).toBe('—');
  });
});
