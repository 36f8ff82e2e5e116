import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../shared/protocol';
import { type AdminMission, adminApi } from '../../../sync/adminApi';
import { SyncError } from '../../../sync/http';
import { FormError } from '../../components/Field';
import { useDescribeSyncError } from '../../hooks/useSyncStatus';

/** Who belongs to each mission the server knows: add a person, remove one. */
export function MissionMembers({
  missions,
  users,
  onChanged,
}: {
  missions: AdminMission[];
  users: User[];
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation('admin');
  return (
    <section className="card" aria-labelledby="admin-missions-title">
      <h2 id="admin-missions-title">{t('missions.title')}</h2>
      {missions.length === 0 ? (
        <p className="empty">{t('missions.empty')}</p>
      ) : (
        <ul className="card-list">
          {missions.map((mission) => (
            <MissionCard key={mission.id} mission={mission} users={users} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MissionCard({
  mission,
  users,
  onChanged,
}: {
  mission: AdminMission;
  users: User[];
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation('admin');
  const describeError = useDescribeSyncError();
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = mission.title || t('missions.untitled');
  const memberIds = new Set(mission.members.map((m) => m.id));
  const selectId = `add-member-${mission.id}`;

  const act = async (call: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      await onChanged();
      setChoice('');
    } catch (e) {
      setError(e instanceof SyncError ? describeError(e) : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="card" aria-label={title}>
      <h3>{title}</h3>
      {mission.members.length === 0 ? (
        <p className="empty">{t('missions.noMembers')}</p>
      ) : (
        <ul className="member-list">
          {mission.members.map((member) => (
            <li key={member.id}>
              <span>{member.name}</span>
              <button
                type="button"
                disabled={busy}
                aria-label={t('missions.removeLabel', { name: member.name })}
                onClick={() => void act(() => adminApi.removeMember(mission.id, member.id))}
              >
                {t('missions.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={selectId}>{t('missions.addLabel')}</label>
      <div className="button-row">
        <select id={selectId} value={choice} onChange={(event) => setChoice(event.target.value)}>
          <option value="">{t('missions.choose')}</option>
          {users
            .filter((user) => !memberIds.has(user.id))
            .map((user) => (
              <option key={user.id} value={user.id}>
                {user.name} ({user.email})
              </option>
            ))}
        </select>
        <button
          type="button"
          disabled={busy || !choice}
          onClick={() => void act(() => adminApi.addMember(mission.id, choice))}
        >
          {t('missions.add')}
        </button>
      </div>
      <FormError message={error} />
    </li>
  );
}
