// /admin: accounts (administrators), missions prepared on the server and their teams
// (administrators for every mission, coordinators for theirs), online only (nothing here is kept on
// the device). Every call goes through src/sync/adminApi.ts.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser, User } from '../../../shared/protocol';
import { type AdminMission, adminApi } from '../../../sync/adminApi';
import { SyncError } from '../../../sync/http';
import { FormError } from '../../components/Field';
import { Loading } from '../../components/Loading';
import { useOnline } from '../../hooks/useOnline';
import { useDescribeSyncError, useSession } from '../../hooks/useSyncStatus';
import { CreateUserForm } from './CreateUserForm';
import { MissionMembers } from './MissionMembers';
import { PrepareMissionForm } from './PrepareMissionForm';
import { UsersTable } from './UsersTable';

interface AdminData {
  /** Every account with its state: administrators only (null for a coordinator). */
  users: AdminUser[] | null;
  /** Active accounts, to make teams from. */
  accounts: User[];
  missions: AdminMission[];
}

function useAdminData(enabled: boolean, isAdmin: boolean) {
  const describeError = useDescribeSyncError();
  const [data, setData] = useState<AdminData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      const [users, accounts, missions] = await Promise.all([
        isAdmin ? adminApi.listUsers() : null,
        adminApi.listAccounts(),
        adminApi.listMissions(),
      ]);
      setData({ users, accounts, missions });
      setError(null);
    } catch (e) {
      setError(e instanceof SyncError ? describeError(e) : String(e));
    }
  }, [describeError, isAdmin]);
  useEffect(() => {
    if (enabled) void reload();
  }, [enabled, reload]);
  return { data, error, reload };
}

export function AdminScreen() {
  const { t } = useTranslation('admin');
  const session = useSession();
  const online = useOnline();
  const role = session && !session.expired ? session.user.role : null;
  const isAdmin = role === 'admin';
  const allowed = isAdmin || role === 'coordinator';
  const { data, error, reload } = useAdminData(allowed && online, isAdmin);

  let body: React.ReactNode;
  if (session === undefined) body = <Loading />;
  else if (!session || session.expired) body = <p className="warning">{t('loginFirst')}</p>;
  else if (!allowed) body = <p className="warning">{t('onlyAdmins')}</p>;
  else if (!online) body = <p className="warning">{t('offline')}</p>;
  else
    body = (
      <>
        <FormError message={error} />
        {data ? (
          <>
            {data.users && (
              <>
                {/* The form first: on a phone its first field is on the first screen, the list follows. */}
                <CreateUserForm onCreated={reload} />
                <UsersTable users={data.users} currentUserId={session.user.id} onChanged={reload} />
              </>
            )}
            <PrepareMissionForm accounts={data.accounts} currentUserId={session.user.id} onPrepared={reload} />
            <MissionMembers missions={data.missions} users={data.accounts} onChanged={reload} />
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
