// "Importer une archive": a mission archive file received from another device is checked
// (hashes, format, every record) and merged into this device; nothing is imported if any check fails.
import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ImportOutcome } from '../../../report/archive/importArchive';
import { ARCHIVE_MAX_UNZIPPED_BYTES } from '../../../shared/constants';

type State =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'done'; outcome: ImportOutcome }
  | { status: 'failed'; code: string };

export function ArchiveImport({ missionId }: { missionId: string }) {
  const { t } = useTranslation('report');
  const [state, setState] = useState<State>({ status: 'idle' });

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file can be chosen again
    if (!file) return;
    setState({ status: 'busy' });
    try {
      const { importArchive } = await import('../../../report/archive/importArchive');
      // The file itself, not its bytes: the archive is read entry by entry, never whole in memory.
      setState({ status: 'done', outcome: await importArchive(file) });
    } catch (error) {
      const { ArchiveError } = await import('../../../report/archive/format');
      if (!(error instanceof ArchiveError)) console.error('Terrain: archive import failed', error);
      setState({ status: 'failed', code: error instanceof ArchiveError ? error.code : 'unexpected' });
    }
  }

  const busy = state.status === 'busy';
  return (
    <div>
      <label className="button file-button" aria-disabled={busy}>
        {t('archive.import')}
        <input type="file" className="file-input" accept=".zip,application/zip" disabled={busy} onChange={onFile} />
      </label>
      {busy && (
        <p className="muted" aria-live="polite">
          {t('archive.importing')}
        </p>
      )}
      {state.status === 'failed' && (
        <p className="error" role="alert">
          {t(`archive.errors.${state.code as 'unexpected'}`, {
            maxMegabytes: ARCHIVE_MAX_UNZIPPED_BYTES / (1024 * 1024),
          })}
        </p>
      )}
      {state.status === 'done' && (
        <div role="status">
          <p>
            {t('archive.imported', {
              title: state.outcome.missionTitle,
              added: state.outcome.added,
              updated: state.outcome.updated,
              kept: state.outcome.kept,
              photos: state.outcome.photosAdded,
            })}
          </p>
          {state.outcome.missionId !== missionId && (
            <Link href={`~/missions/${state.outcome.missionId}`}>{t('archive.open')}</Link>
          )}
        </div>
      )}
    </div>
  );
}
