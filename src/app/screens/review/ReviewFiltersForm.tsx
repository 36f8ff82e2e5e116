// The filters of the review screen: mission, commune, author, state, and a search box. Plain
// controlled fields (nothing is saved): every change narrows the list at once.
import { useTranslation } from 'react-i18next';
import type { ReviewRow } from '../../../db/repositories/review';
import type { NoteState } from '../../../shared/model';
import { filterOptions, NO_FILTERS, type ReviewFilters } from './reviewFilters';

/** Submitted notes first: they are the ones waiting for the coordinator. */
const STATES: NoteState[] = ['soumise', 'a_revoir', 'validee', 'brouillon'];

export function ReviewFiltersForm({
  rows,
  filters,
  onChange,
}: {
  rows: readonly ReviewRow[];
  filters: ReviewFilters;
  onChange: (next: ReviewFilters) => void;
}) {
  const { t } = useTranslation(['review', 'visits']);
  const options = filterOptions(rows, filters.missionId);
  // Another mission has other communes and authors: those choices start again.
  const set = (patch: Partial<ReviewFilters>) =>
    onChange({ ...filters, ...('missionId' in patch ? { commune: '', author: '' } : {}), ...patch });
  const select = (
    id: string,
    label: string,
    value: string,
    list: { value: string; label: string }[],
    key: keyof ReviewFilters,
    all: string,
  ) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => set({ [key]: event.target.value })}>
        <option value="">{all}</option>
        {list.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <fieldset className="card review-filters">
      <legend>{t('filters.title')}</legend>
      <div className="field">
        <label htmlFor="review-search">{t('filters.search')}</label>
        <input
          id="review-search"
          type="search"
          value={filters.query}
          placeholder={t('filters.searchPlaceholder')}
          onChange={(event) => set({ query: event.target.value })}
        />
      </div>
      <div className="field-pair">
        {select(
          'review-mission',
          t('filters.mission'),
          filters.missionId,
          options.missions.map((m) => ({ value: m.id, label: m.title })),
          'missionId',
          t('filters.allFeminine'),
        )}
        {select(
          'review-state',
          t('filters.state'),
          filters.state,
          STATES.map((s) => ({ value: s, label: t(`visits:state.${s}`) })),
          'state',
          t('filters.all'),
        )}
        {select(
          'review-commune',
          t('filters.commune'),
          filters.commune,
          options.communes.map((c) => ({ value: c, label: c })),
          'commune',
          t('filters.allFeminine'),
        )}
        {select(
          'review-author',
          t('filters.author'),
          filters.author,
          options.authors.map((a) => ({ value: a, label: a })),
          'author',
          t('filters.all'),
        )}
      </div>
      {JSON.stringify(filters) !== JSON.stringify(NO_FILTERS) && (
        <button type="button" className="button" onClick={() => onChange(NO_FILTERS)}>
          {t('filters.reset')}
        </button>
      )}
    </fieldset>
  );
}
