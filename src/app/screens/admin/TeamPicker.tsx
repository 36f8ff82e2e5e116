// The team of a mission being prepared: a checkbox per active account (name, role, e-mail), with a
// search box once the list is long. The person preparing the mission belongs to it anyway, so they
// are not offered.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../shared/protocol';

/** Past this many accounts a search box narrows the list. */
const SEARCH_FROM = 8;

const folded = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export function TeamPicker({
  accounts,
  chosen,
  onChange,
}: {
  accounts: User[];
  chosen: ReadonlySet<string>;
  onChange: (chosen: Set<string>) => void;
}) {
  const { t } = useTranslation(['admin', 'sync']);
  const [search, setSearch] = useState('');
  const baseId = useId();
  const wanted = folded(search.trim());
  const shown = wanted
    ? accounts.filter((a) => folded(`${a.name} ${a.email}`).includes(wanted) || chosen.has(a.id))
    : accounts;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };

  return (
    <fieldset className="plain team-picker">
      <legend>{t('prepare.team')}</legend>
      <p className="muted field-hint">{t('prepare.teamHint')}</p>
      {accounts.length > SEARCH_FROM && (
        <div className="field">
          <label htmlFor={`${baseId}-search`}>{t('prepare.search')}</label>
          <input
            id={`${baseId}-search`}
            type="search"
            value={search}
            autoComplete="off"
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
      )}
      {accounts.length === 0 ? (
        <p className="empty">{t('prepare.noAccounts')}</p>
      ) : (
        <ul className="team-list">
          {shown.map((account) => {
            const id = `${baseId}-${account.id}`;
            return (
              <li key={account.id}>
                <input
                  id={id}
                  type="checkbox"
                  checked={chosen.has(account.id)}
                  onChange={(event) => toggle(account.id, event.target.checked)}
                />
                <label htmlFor={id}>
                  <span className="team-name">{account.name}</span>
                  <span className="muted team-detail">{t(`roles.${account.role}`, { ns: 'sync' })}</span>
                  <span className="muted team-detail">{account.email}</span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <p className="muted" aria-live="polite">
        {t('prepare.chosen', { count: chosen.size })}
      </p>
    </fieldset>
  );
}
