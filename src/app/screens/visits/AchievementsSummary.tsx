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

export function AchievementsSummary({ lines }: { lines: readonly AchievementLine[] }) {
  const { t } = useTranslation('visits');
  const rows = lines
    .map((line) => ({ ...line, plannedFcfa: amount(line.planned), spentFcfa: amount(line.spent) }))
    .filter((line) => !isEmptyLine(line));
  if (rows.length === 0) return null;
  const totals = budgetTotals(rows);
  return (
    <div className="table-scroll">
      <table className="budget-table">
        <caption>{t('achievements.summary')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('achievements.activity')}</th>
            <th scope="col" className="num">
              {t('achievements.columns.planned')}
            </th>
            <th scope="col" className="num">
              {t('achievements.columns.spent')}
            </th>
            <th scope="col" className="num">
              {t('achievements.columns.rate')}
            </th>
            <th scope="col">{t('achievements.state')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{row.activity}</td>
              <td className="num">{formatFcfa(row.plannedFcfa)}</td>
              <td className="num">{formatFcfa(row.spentFcfa)}</td>
              <td className="num">{formatRate(executionRate(row.plannedFcfa, row.spentFcfa))}</td>
              <td>{t(`achievements.states.${row.state}`)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('achievements.total')}</th>
            <td className="num">{formatFcfa(totals.plannedFcfa)}</td>
            <td className="num">{formatFcfa(totals.spentFcfa)}</td>
            <td className="num">{formatRate(totals.rate)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
