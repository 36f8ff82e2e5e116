import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useParticipants } from '../../../../db/repositories/participants';
import { formatPhone } from '../../../../shared/participants/phone';
import { Loading } from '../../../components/Loading';

/** The seed's table (N°, names, function, organisation, phone, e-mail) plus each person's role. */
export function ParticipantList({ missionId }: { missionId: string }) {
  const { t } = useTranslation('participants');
  const people = useParticipants(missionId);
  if (!people) return <Loading />;
  return (
    <>
      <div className="button-row">
        <Link href="/new" className="button primary">
          {t('add')}
        </Link>
        <Link href="/paste" className="button">
          {t('paste')}
        </Link>
      </div>
      {people.length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{t('count', { count: people.length })}</caption>
            <thead>
              <tr>
                <th className="num">{t('columns.number')}</th>
                <th>{t('columns.fullName')}</th>
                <th>{t('columns.function')}</th>
                <th>{t('columns.organisation')}</th>
                <th>{t('columns.phone')}</th>
                <th>{t('columns.email')}</th>
                <th>{t('columns.role')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.id}>
                  <td className="num">{String(person.order).padStart(2, '0')}</td>
                  <td>
                    <Link href={`/${person.id}`}>{person.fullName}</Link>
                  </td>
                  <td>{person.function}</td>
                  <td>{person.organisation}</td>
                  <td className="nowrap">
                    {person.phone && <a href={`tel:${person.phone}`}>{formatPhone(person.phone)}</a>}
                  </td>
                  <td>{person.email}</td>
                  <td>{t(`roles.${person.role}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
