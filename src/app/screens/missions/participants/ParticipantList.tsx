import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useParticipants } from '../../../../db/repositories/participants';
import { formatPhone } from '../../../../shared/participants/phone';
import { RecordList } from '../records/RecordList';

/** The seed's table (N°, names, function, organisation, phone, e-mail) plus each person's role. */
export function ParticipantList({ missionId }: { missionId: string }) {
  const { t } = useTranslation('participants');
  const label = (column: 'function' | 'organisation' | 'phone' | 'email' | 'role') => t(`columns.${column}`);
  return (
    <RecordList
      records={useParticipants(missionId)}
      addLabel={t('add')}
      emptyText={t('empty')}
      actions={
        <Link href="/paste" className="button">
          {t('paste')}
        </Link>
      }
    >
      {(people) => (
        // A card per person on a phone (N° and name, then each detail under its name), a table wider.
        <div className="table-cards">
          <table>
            <caption>{t('count', { count: people.length })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('columns.number')}
                </th>
                <th scope="col">{t('columns.fullName')}</th>
                <th scope="col">{label('function')}</th>
                <th scope="col">{label('organisation')}</th>
                <th scope="col">{label('phone')}</th>
                <th scope="col">{label('email')}</th>
                <th scope="col">{label('role')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.id}>
                  <td className="num">{String(person.order).padStart(2, '0')}</td>
                  <td>
                    <Link href={`/${person.id}`}>{person.fullName}</Link>
                  </td>
                  <td data-label={label('function')}>{person.function}</td>
                  <td data-label={label('organisation')}>{person.organisation}</td>
                  <td className="nowrap" data-label={label('phone')}>
                    {person.phone && <a href={`tel:${person.phone}`}>{formatPhone(person.phone)}</a>}
                  </td>
                  <td data-label={label('email')}>{person.email}</td>
                  <td data-label={label('role')}>{t(`roles.${person.role}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </RecordList>
  );
}
