import { useTranslation } from 'react-i18next';
import type { ParsedRow, RowProblem } from '../../../../shared/participants/parse';
import { formatPhone } from '../../../../shared/participants/phone';
import { ScrollArea } from '../../../components/ScrollArea';

const cellProblem: Partial<Record<RowProblem, 'fullName' | 'phone' | 'email'>> = {
  'name-missing': 'fullName',
  'phone-invalid': 'phone',
  'email-invalid': 'email',
};

/**
 * What the import will do, row by row: ready, or which problems keep the row out. A structure name
 * typed with its article shows the clean form beside it, applied only when the person accepts it.
 */
export function PastePreview({
  rows,
  headerSkipped,
  onAcceptSuggestions,
}: {
  rows: ParsedRow[];
  headerSkipped: boolean;
  /** Accepts the clean form of these structure names, as typed. */
  onAcceptSuggestions: (typed: string[]) => void;
}) {
  const { t } = useTranslation('participants');
  const toFix = rows.filter((row) => row.problems.length > 0).length;
  const suggested = rows.filter((row) => row.organisationSuggestion !== null);
  return (
    <section aria-labelledby="import-preview">
      <h3 id="import-preview">{t('import.preview')}</h3>
      <p>
        {t('import.ready', { count: rows.length - toFix })}
        {toFix > 0 && (
          <>
            {' · '}
            <strong className="error">{t('import.toFix', { count: toFix })}</strong>
          </>
        )}
      </p>
      {headerSkipped && <p className="muted">{t('import.headerSkipped')}</p>}
      {suggested.length > 0 && (
        <p className="suggestions-hint">
          {t('import.suggestionsHint', { count: suggested.length })}{' '}
          <button type="button" onClick={() => onAcceptSuggestions(suggested.map((row) => row.fields.organisation))}>
            {t('import.applyAllSuggestions')}
          </button>
        </p>
      )}
      {/* Row by row as in the pasted spreadsheet, column beside column: scrolled sideways on a phone. */}
      <ScrollArea label={t('import.preview')}>
        <table aria-labelledby="import-preview">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('columns.number')}
              </th>
              <th scope="col">{t('columns.status')}</th>
              <th scope="col">{t('columns.fullName')}</th>
              <th scope="col">{t('columns.function')}</th>
              <th scope="col">{t('columns.organisation')}</th>
              <th scope="col">{t('columns.phone')}</th>
              <th scope="col">{t('columns.email')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const bad = new Set(row.problems.map((p) => cellProblem[p]));
              const cell = (name: 'fullName' | 'phone' | 'email', value: string) => (
                <td className={bad.has(name) ? 'cell-problem' : undefined}>{value}</td>
              );
              return (
                <tr key={row.position} className={row.problems.length > 0 ? 'row-problem' : undefined}>
                  <td className="num">{row.fields.number ?? row.position}</td>
                  <td>
                    {row.problems.length === 0
                      ? t('import.ok')
                      : row.problems.map((p) => t(`problems.${p}`)).join(', ')}
                  </td>
                  {cell('fullName', row.fields.fullName)}
                  <td>{row.fields.function}</td>
                  <td>
                    {row.fields.organisation}
                    {row.organisationSuggestion !== null && (
                      <OrganisationSuggestion
                        typed={row.fields.organisation}
                        clean={row.organisationSuggestion}
                        onAccept={() => onAcceptSuggestions([row.fields.organisation])}
                      />
                    )}
                  </td>
                  {cell('phone', bad.has('phone') ? row.fields.phone : formatPhone(row.fields.phone))}
                  {cell('email', row.fields.email)}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollArea>
    </section>
  );
}

function OrganisationSuggestion({ typed, clean, onAccept }: { typed: string; clean: string; onAccept: () => void }) {
  const { t } = useTranslation('participants');
  return (
    <span className="suggestion">
      <span className="muted">{t('import.suggestion', { clean })}</span>{' '}
      <button type="button" aria-label={t('import.applySuggestionLabel', { clean, typed })} onClick={onAccept}>
        {t('import.applySuggestion')}
      </button>
    </span>
  );
}
