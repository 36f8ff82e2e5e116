// Budget arithmetic of a visit note's achievements: execution rate per line and totals, shared by
// the note screen and the report so both show the same figures.
import type { Achievement } from './model';

type BudgetLine = Pick<Achievement, 'activity' | 'plannedFcfa' | 'spentFcfa'>;

/**
 * Spent / planned as a ratio (0.625 for 62,5 %), or null when it cannot be computed: no planned
 * budget, a planned budget of zero (dividing would claim an infinite rate), or nothing spent entered.
 */
export function executionRate(plannedFcfa: number | null, spentFcfa: number | null): number | null {
  if (plannedFcfa == null || spentFcfa == null || plannedFcfa <= 0) return null;
  return spentFcfa / plannedFcfa;
}

/** A line the user added but left blank: ignored by totals (and by the report). */
export function isEmptyLine(line: BudgetLine): boolean {
  return line.activity.trim() === '' && line.plannedFcfa == null && line.spentFcfa == null;
}

export interface BudgetTotals {
  plannedFcfa: number;
  spentFcfa: number;
  /** Total spent / total planned; null when nothing is planned. */
  rate: number | null;
  /** Lines counted (blank lines are not). */
  lines: number;
}

/** Sums the filled-in amounts; a missing amount counts as nothing, not as an error. */
export function budgetTotals(lines: readonly BudgetLine[]): BudgetTotals {
  let plannedFcfa = 0;
  let spentFcfa = 0;
  let counted = 0;
  for (const line of lines) {
    if (isEmptyLine(line)) continue;
    counted += 1;
    plannedFcfa += line.plannedFcfa ?? 0;
    spentFcfa += line.spentFcfa ?? 0;
  }
  return { plannedFcfa, spentFcfa, rate: plannedFcfa > 0 ? spentFcfa / plannedFcfa : null, lines: counted };
}

/** 0.625 -> "62,5 %", 1 -> "100 %", null -> "—" (French decimal comma, U+00A0 before %). */
export function formatRate(rate: number | null): string {
  if (rate == null || !Number.isFinite(rate)) return '—';
  const tenths = Math.round(rate * 1000) / 10;
  return `${String(tenths).replace('.', ',')}\u00a0%`;
}
