import { useDeferredValue, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { FieldErrors } from '../../../../db/repositories/missions';
import { importParticipants, useParticipants } from '../../../../db/repositories/participants';
import { PARTICIPANT_ROLES, type ParticipantRole } from '../../../../shared/model';
import { type TableSource, toTsvLine } from '../../../../shared/participants/cells';
import { decodeCsvBytes } from '../../../../shared/participants/decode';
import {
  applyOrganisationSuggestions,
  markAlreadyListed,
  type ParsedRow,
  parseParticipantTable,
} from '../../../../shared/participants/parse';
import { Loading } from '../../../components/Loading';
import { CodeOptions } from '../form/CodeOptions';
import { Field, inputProps } from '../form/Field';
import { FormFooter } from '../form/FormFooter';
import { draftResolver } from '../form/resolver';
import { submitWith } from '../form/saving';
import { PastePreview } from './PastePreview';

interface ImportValues {
  text: string;
  role: ParticipantRole;
}

/**
 * Paste a table (or pick a CSV file), see each row and its problems, import the good rows. Rows
 * with problems are never saved: they are put back in the text box to be corrected.
 */
export function ParticipantImport({ missionId }: { missionId: string }) {
  const existing = useParticipants(missionId);
  if (!existing) return <Loading />;
  return <ImportForm missionId={missionId} existing={existing} />;
}

function ImportForm({ missionId, existing }: { missionId: string; existing: { fullName: string; email: string }[] }) {
  const { t } = useTranslation('participants');
  const [, navigate] = useLocation();
  const [source, setSource] = useState<TableSource>('paste');
  const [imported, setImported] = useState<number | null>(null);
  const [fileFailed, setFileFailed] = useState(false);
  // Structure names (as typed) whose clean form the person accepted in the preview.
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(new Set());
  const acceptSuggestions = (typed: string[]) => setAccepted((before) => new Set([...before, ...typed]));

  const parse = (text: string): ParsedRow[] =>
    applyOrganisationSuggestions(markAlreadyListed(parseParticipantTable(text, source).rows, existing), accepted);
  const validate = ({ text }: ImportValues): FieldErrors => {
    if (text.trim() === '') return { text: 'nothing-to-import' };
    return parse(text).some((row) => row.problems.length === 0) ? {} : { text: 'no-valid-row' };
  };
  const form = useForm<ImportValues>({
    defaultValues: { text: '', role: 'membre' },
    resolver: draftResolver(validate),
  });
  const text = useDeferredValue(useWatch({ control: form.control, name: 'text' }));
  const table = useMemo(() => parseParticipantTable(text, source), [text, source]);
  const rows = useMemo(
    () => applyOrganisationSuggestions(markAlreadyListed(table.rows, existing), accepted),
    [table, existing, accepted],
  );
  const { errors } = form.formState;

  async function readFile(file: File | undefined) {
    if (!file) return;
    try {
      form.setValue('text', decodeCsvBytes(await file.arrayBuffer()), { shouldValidate: false });
      setSource('csv');
      setFileFailed(false);
    } catch {
      setFileFailed(true);
    }
  }

  const save = async ({ text: current, role }: ImportValues) => {
    const parsed = parse(current);
    const good = parsed.filter((row) => row.problems.length === 0);
    const left = parsed.filter((row) => row.problems.length > 0);
    const count = await importParticipants(
      missionId,
      good.map((row) => row.fields),
      role,
    );
    if (left.length === 0) return navigate('/');
    form.reset({ text: left.map((row) => toTsvLine(row.cells)).join('\n'), role });
    setSource('paste');
    setImported(count);
  };

  const good = rows.filter((row) => row.problems.length === 0).length;
  return (
    <form className="card" noValidate onSubmit={submitWith(form, save)}>
      <h2>{t('import.title')}</h2>
      {imported !== null && (
        <p className="notice" role="status">
          {t('import.imported', { count: imported })} {t('import.leftToFix')}
        </p>
      )}
      <Field id="import-text" label={t('import.text')} hint={t('import.hint')} error={errors.text}>
        <textarea
          rows={8}
          wrap="off"
          spellCheck={false}
          {...inputProps('import-text', errors.text)}
          {...form.register('text', { onChange: (e) => e.target.value === '' && setSource('paste') })}
        />
      </Field>
      <div className="field">
        <label htmlFor="import-file">{t('import.file')}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          onChange={(e) => void readFile(e.target.files?.[0])}
        />
        {fileFailed && (
          <p className="field-error" role="alert">
            {t('import.fileFailed')}
          </p>
        )}
      </div>
      <Field id="import-role" label={t('import.role')}>
        <select id="import-role" {...form.register('role')}>
          <CodeOptions codes={PARTICIPANT_ROLES} label={(role) => t(`roles.${role}`)} />
        </select>
      </Field>
      {rows.length > 0 && (
        <PastePreview rows={rows} headerSkipped={table.headerSkipped} onAcceptSuggestions={acceptSuggestions} />
      )}
      <FormFooter
        errors={errors}
        submitLabel={t('import.submit', { count: good })}
        submitting={form.formState.isSubmitting}
      >
        <Link href="/" className="button">
          {t('import.backToList')}
        </Link>
      </FormFooter>
    </form>
  );
}
