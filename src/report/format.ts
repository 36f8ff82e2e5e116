// The formats of the report and the spreadsheets, in one place for the builders: dates as
// 22/07/2024, money as `1 250 000 FCFA`, rates as `83 %`, phones as `+223 70 00 00 01`. The
// arithmetic and formats are the app's own (shared with the screens), so figures match everywhere.
export { formatDay } from '../app/format';
export { budgetTotals, executionRate, formatRate, isEmptyLine } from '../shared/budget';
export { formatFcfa } from '../shared/money';
export { formatPhone } from '../shared/participants/phone';

/** "01", "02"… as in the seed's tables. */
export function formatRowNumber(n: number): string {
  return n.toString().padStart(2, '0');
}
