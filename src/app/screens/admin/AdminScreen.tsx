// /admin: accounts and mission members, for administrators, online only (nothing here is kept on
// the device). Every call goes through src/sync/adminApi.ts.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../../shared/protocol';
import { type AdminMission, adminApi } from '../../../sync/adminApi';
import { SyncError } from '../../../sync/http';
import { FormError } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { useOnline } from '../../hooks/useOnline';
import { useDescribeSyncError, useSession } from '../../hooks/useSyncStatus';
import { CreateUserForm } from './CreateUserForm';
import { MissionMembers } from './MissionMembers';
import { UsersTable } from './UsersTable';

function useAdminData(enabled: boolean) {
  const describeError = useDescribeSyncError();
  const [data, setData] = useState<{ users: AdminUser[]; missions: AdminMission[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      const [users, missions] = await Promise.all([adminApi.listUsers(), adminApi.listMissions()]);
      setData({ users, missions });
      setError(null);
    } catch (e) {
      setError(e instanceof SyncError ? describeError(e) : String(e));
    }
  }, [describeError]);
  useEffect(() => {
    if (enabled) void reload();
  }, [enabled, reload]);
  return { data, error, reload };
}

export function AdminScreen() {
  const { t } = useTranslation('admin');
  const session = useSession();
  const online = useOnline();
  const isAdmin = Boolean(session && !session.expired && session.user.role === 'admin');
  const { data, error, reload } = useAdminData(isAdmin && online);

  let body: React.ReactNode;
  if (session === undefined) body = <Loading />;
  else if (!session || session.expired) body = <p className="warning">{t('loginFirst')}</p>;
  else if (!isAdmin) body = <p className="warning">{t('onlyAdmins')}</p>;
  else if (!online) body = <p className="warning">{t('offline')}</p>;
  else
    body = (
      <>
        <FormError message={error} />
        {data ? (
          <>
            <UsersTable users={data.users} currentUserId={session.user.id} onChanged={reload} />
            <CreateUserForm onCreated={reload} />
            <MissionMembers missions={data.missions} users={data.users} onChanged={reload} />
          </>
        ) : (
          !error && <p className="muted">{t('loading')}</p>
        )}
      </>
    );

  return (
    <div className="page">
      <h1>{t('title')}</h1>
      {body}
    </div>
  );
}
