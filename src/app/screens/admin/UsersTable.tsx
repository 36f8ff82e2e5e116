import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../../shared/protocol';
import { adminApi } from '../../../sync/adminApi';
import { SyncError } from '../../../sync/http';
import { FormError } from '../../components/Field';
import { useDescribeSyncError } from '../../hooks/useSyncStatus';

/** Every account with its state; an administrator disables or enables any account but their own. */
export function UsersTable({
  users,
  currentUserId,
  onChanged,
}: {
  users: AdminUser[];
  currentUserId: string;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation(['admin', 'sync']);
  const describeError = useDescribeSyncError();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const act = async (call: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      await onChanged();
    } catch (e) {
      setError(e instanceof SyncError ? describeError(e) : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="admin-users-title">
      <h2 id="admin-users-title">{t('users.title')}</h2>
      <p className="muted">{t('users.disabledHint')}</p>
      <FormError message={error} />
      {users.length === 0 ? (
        <p className="empty">{t('users.empty')}</p>
      ) : (
        // A card per account on a phone, a table wider.
        <div className="table-cards">
          <table aria-labelledby="admin-users-title">
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.email')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.state')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td>{user.name}</td>
                  <td data-label={t('users.email')}>{user.email}</td>
                  <td data-label={t('users.role')}>{t(`roles.${user.role}`, { ns: 'sync' })}</td>
                  <td data-label={t('users.state')}>
                    <div className="account-state">
                      <span>{user.disabledAt ? t('users.disabled') : t('users.active')}</span>
                      {user.id === currentUserId ? (
                        <span className="muted">{t('users.you')}</span>
                      ) : user.disabledAt ? (
                        <button
                          type="button"
                          disabled={busy}
                          aria-label={t('users.enableLabel', { name: user.name })}
                          onClick={() => void act(() => adminApi.enableUser(user.id))}
                        >
                          {t('users.enable')}
                        </button>
                      ) : (
                        <button
                          type="button"
                          disabled={busy}
                          aria-label={t('users.disableLabel', { name: user.name })}
                          onClick={() => void act(() => adminApi.disableUser(user.id))}
                        >
                          {t('users.disable')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
