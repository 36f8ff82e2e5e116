// "Importer une archive": a mission archive file received from another device is checked (hashes,
// format, every record) and merged into this device; nothing is imported if any check fails.
// Used in a mission's "Rapport" tab (the result stays there, with a link when the archive holds
// another mission) and where a phone has no mission yet, the missions list and the settings (the
// imported mission opens at once and its page says what arrived).
import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { ImportOutcome } from '../../../report/archive/importArchive';
import { ARCHIVE_MAX_UNZIPPED_BYTES } from '../../../shared/constants';
import { flash } from '../../flash/flash';
import { importResultText } from './archiveImportResult';

type State =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'done'; outcome: ImportOutcome }
  | { status: 'failed'; code: string };

/**
 * `missionId`: the mission whose page this is; without one, the imported mission is opened.
 * `describedBy`: the id of the text around it that says what an archive is.
 */
export function ArchiveImport({ missionId, describedBy }: { missionId?: string; describedBy?: string }) {
  const { t } = useTranslation('report');
  const [, navigate] = useLocation();
  const [state, setState] = useState<State>({ status: 'idle' });

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file can be chosen again
    if (!file) return;
    setState({ status: 'busy' });
    let outcome: ImportOutcome;
    try {
      const { importArchive } = await import('../../../report/archive/importArchive');
      // The file itself, not its bytes: the archive is read entry by entry, never whole in memory.
      outcome = await importArchive(file);
    } catch (error) {
      const { ArchiveError } = await import('../../../report/archive/format');
      if (!(error instanceof ArchiveError)) console.error('Terrain: archive import failed', error);
      setState({ status: 'failed', code: error instanceof ArchiveError ? error.code : 'unexpected' });
      return;
    }
    if (missionId === undefined) {
      // Absolute path ("~"): this screen may sit in a nested route.
      const path = `/missions/${outcome.missionId}`;
      navigate(`~${path}`);
      flash.show(importResultText(outcome, t), path);
    } else {
      setState({ status: 'done', outcome });
    }
  }

  const busy = state.status === 'busy';
  return (
    <div className="archive-import">
      <label className="button file-button" aria-disabled={busy}>
        {t('archive.import')}
        <input
          type="file"
          className="file-input"
          accept=".zip,application/zip"
          disabled={busy}
          aria-describedby={describedBy}
          onChange={onFile}
        />
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
          <p>{importResultText(state.outcome, t)}</p>
          {state.outcome.missionId !== missionId && (
            <Link href={`~/missions/${state.outcome.missionId}`}>{t('archive.open')}</Link>
          )}
        </div>
      )}
    </div>
  );
}
