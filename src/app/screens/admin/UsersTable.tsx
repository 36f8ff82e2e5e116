import { useTranslation } from 'react-i18next';
import type { User } from '../../../shared/protocol';

export function UsersTable({ users }: { users: User[] }) {
  const { t } = useTranslation(['admin', 'sync']);
  return (
    <section className="card" aria-labelledby="admin-users-title">
      <h2 id="admin-users-title">{t('users.title')}</h2>
      {users.length === 0 ? (
        <p className="empty">{t('users.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th>{t('users.name')}</th>
                <th>{t('users.email')}</th>
                <th>{t('users.role')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td>{user.name}</td>
                  <td>{user.email}</td>
                  <td>{t(`roles.${user.role}`, { ns: 'sync' })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
