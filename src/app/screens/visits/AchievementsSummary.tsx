// The budget table as it will appear in the report: every filled-in line, its execution rate, and
// the totals. Computed from what is typed right now, so totals follow the keyboard.
import { useTranslation } from 'react-i18next';
import { budgetTotals, executionRate, formatRate, isEmptyLine } from '../../../shared/budget';
import { formatFcfa, parseFcfa } from '../../../shared/money';
import type { AchievementLine } from './noteForm';

const amount = (text: string) => {
  const parsed = parseFcfa(text);
  return parsed.ok ? parsed.value : null;
};

/** Planned, spent and their rate: the same three cells on each line and on the totals. */
function AmountCells({ plannedFcfa, spentFcfa }: { plannedFcfa: number | null; spentFcfa: number | null }) {
  const { t } = useTranslation('visits');
  const cells = [
    ['planned', formatFcfa(plannedFcfa)],
    ['spent', formatFcfa(spentFcfa)],
    ['rate', formatRate(executionRate(plannedFcfa, spentFcfa))],
  ] as const;
  return cells.map(([column, text]) => (
    // On a phone each value is shown under its column's name (data-label, src/app/styles/tables.css).
    <td key={column} className="num" data-label={t(`achievements.columns.${column}`)}>
      {text}
    </td>
  ));
}

export function AchievementsSummary({ lines }: { lines: readonly AchievementLine[] }) {
  const { t } = useTranslation('visits');
  const rows = lines
    .map((line) => ({ ...line, plannedFcfa: amount(line.planned), spentFcfa: amount(line.spent) }))
    .filter((line) => !isEmptyLine(line));
  if (rows.length === 0) return null;
  const totals = budgetTotals(rows);
  // A card per line on a phone (every amount, the rate and the state under their names), a table wider.
  return (
    <div className="table-cards">
      <table className="budget-table">
        <caption>{t('achievements.summary')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('achievements.activity')}</th>
            {(['planned', 'spent', 'rate'] as const).map((column) => (
              <th key={column} scope="col" className="num">
                {t(`achievements.columns.${column}`)}
              </th>
            ))}
            <th scope="col">{t('achievements.state')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{row.activity}</td>
              <AmountCells plannedFcfa={row.plannedFcfa} spentFcfa={row.spentFcfa} />
              <td data-label={t('achievements.state')}>{t(`achievements.states.${row.state}`)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('achievements.total')}</th>
            <AmountCells plannedFcfa={totals.plannedFcfa} spentFcfa={totals.spentFcfa} />
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
