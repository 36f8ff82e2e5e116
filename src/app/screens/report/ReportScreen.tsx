// The mission's "Rapport" tab: choose which visit notes go in (validated only by default), then
// produce the Word or PDF report, a spreadsheet or the mission archive, all on this device; and
// import an archive received from another device.
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNoteStateCounts } from '../../../db/repositories/reportBundle';
import { SHEET_NAMES, type SheetName } from '../../../report/sheets/names';
import { NOTE_STATES, type NoteState } from '../../../shared/model';
import type { MissionTabProps } from '../missions/missionTabs';
import { ArchiveImport } from './ArchiveImport';
import { BudgetChartCard } from './BudgetChartCard';
import { ExportStatus } from './ExportStatus';
import type { ExportKind } from './exports';
import { ReportSettingsCard } from './ReportSettingsForm';
import { useExportJob } from './useExportJob';

interface Choices {
  noteStates: NoteState[];
  sheet: SheetName;
}

export function ReportScreen({ missionId }: MissionTabProps) {
  const { t } = useTranslation('report');
  const { t: tv } = useTranslation('visits');
  const counts = useNoteStateCounts(missionId);
  const { job, run } = useExportJob();
  const { register, handleSubmit, formState, watch } = useForm<Choices>({
    defaultValues: { noteStates: ['validee'], sheet: 'achievements' },
  });
  const statesError = formState.errors.noteStates?.message;
  const busy = job.status === 'busy';
  const labels: Record<ExportKind, string> = {
    docx: t('document.word'),
    pdf: t('document.pdf'),
    csv: t('sheets.csv'),
    xlsx: t('sheets.xlsx'),
    archive: t('archive.export'),
  };
  const exportAs = (kind: ExportKind) =>
    handleSubmit((choices) => void run({ missionId, kind, noteStates: choices.noteStates, sheet: choices.sheet }));
  const button = (kind: ExportKind, primary = false) => (
    <button type="button" className={primary ? 'button primary' : 'button'} disabled={busy} onClick={exportAs(kind)}>
      {labels[kind]}
    </button>
  );

  return (
    <div className="page report-screen">
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <ReportSettingsCard missionId={missionId} />
      <form onSubmit={(e) => e.preventDefault()} noValidate>
        <fieldset className="card">
          <legend>{t('notes.legend')}</legend>
          <div className="check-list">
            {NOTE_STATES.map((state) => (
              <label key={state} className="check">
                <input
                  type="checkbox"
                  value={state}
                  aria-invalid={statesError ? true : undefined}
                  aria-describedby={statesError ? 'report-states-error' : undefined}
                  {...register('noteStates', { validate: (v) => (v?.length ?? 0) > 0 || t('notes.required') })}
                />
                {tv(`state.${state}`)} ({t('notes.count', { count: counts?.[state] ?? 0 })})
              </label>
            ))}
          </div>
          {statesError && (
            <p id="report-states-error" className="field-error" role="alert">
              {statesError}
            </p>
          )}
        </fieldset>
        <BudgetChartCard missionId={missionId} noteStates={watch('noteStates') ?? []} />
        <section className="card">
          <h3>{t('document.title')}</h3>
          <p className="muted">{t('document.hint')}</p>
          <div className="button-row">
            {button('docx', true)}
            {button('pdf', true)}
          </div>
        </section>
        <section className="card">
          <h3>{t('sheets.title')}</h3>
          <p className="muted">{t('sheets.hint')}</p>
          <div className="field">
            <label htmlFor="report-sheet">{t('sheets.table')}</label>
            <select id="report-sheet" {...register('sheet')}>
              {SHEET_NAMES.map((name) => (
                <option key={name} value={name}>
                  {t(`sheets.tables.${name}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="button-row">
            {button('csv')}
            {button('xlsx')}
          </div>
        </section>
        <ExportStatus job={job} fileLabel={job.status === 'busy' ? labels[job.kind] : ''} />
        <section className="card" aria-labelledby="report-archive-title">
          <h3 id="report-archive-title">{t('archive.title')}</h3>
          <p className="muted">{t('archive.hint')}</p>
          <div className="button-row">{button('archive')}</div>
          <ArchiveImport missionId={missionId} />
        </section>
      </form>
    </div>
  );
}
