import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { useTdrRevisions } from '../../../../db/repositories/tdr';
import { TDR_SECTIONS, type TdrRevision } from '../../../../shared/model';
import { Loading } from '../../../components/Loading';
import { formatInstant } from '../formatInstant';
import { SectionDiff } from './SectionDiff';

/** Any two revisions side by side, section by section (`?a=<older id>&b=<newer id>`). */
export function TdrCompare({ missionId }: { missionId: string }) {
  const { t } = useTranslation('tdr');
  const revisions = useTdrRevisions(missionId);
  const [params, setParams] = useSearchParams();
  if (!revisions) return <Loading />;
  if (revisions.length < 2)
    return (
      <div className="card">
        <p className="empty">{t('compareNeedsTwo')}</p>
        <Link href="/">{t('backToLatest')}</Link>
      </div>
    );

  const find = (id: string | null, fallback: TdrRevision) => revisions.find((r) => r.id === id) ?? fallback;
  const before = find(params.get('a'), revisions[1]);
  const after = find(params.get('b'), revisions[0]);
  const choose = (key: 'a' | 'b', id: string) => setParams({ a: before.id, b: after.id, [key]: id }, { replace: true });
  const changed = TDR_SECTIONS.filter((s) => before.sections[s] !== after.sections[s]);

  const picker = (key: 'a' | 'b', value: TdrRevision, label: string) => (
    <div className="field">
      <label htmlFor={`tdr-compare-${key}`}>{label}</label>
      <select id={`tdr-compare-${key}`} value={value.id} onChange={(event) => choose(key, event.target.value)}>
        {revisions.map((r) => (
          <option key={r.id} value={r.id}>
            {t('revisionOption', { number: r.number, name: r.authorName, when: formatInstant(r.createdAt) })}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <>
      <div className="card">
        <h2>{t('compareTitle')}</h2>
        {picker('a', before, t('from'))}
        {picker('b', after, t('to'))}
        <p className="muted">
          {t('changedSections', { count: changed.length })} · <ins>{t('legendAdded')}</ins>{' '}
          <del>{t('legendRemoved')}</del>
        </p>
        <Link href="/">{t('backToLatest')}</Link>
      </div>
      {TDR_SECTIONS.map((section) => (
        <section key={section} className="card" aria-labelledby={`tdr-diff-${section}`}>
          <h3 id={`tdr-diff-${section}`}>{t(`sections.${section}`)}</h3>
          {changed.includes(section) ? (
            <SectionDiff before={before.sections[section]} after={after.sections[section]} />
          ) : (
            <p className="muted">{t('unchanged')}</p>
          )}
        </section>
      ))}
    </>
  );
}
